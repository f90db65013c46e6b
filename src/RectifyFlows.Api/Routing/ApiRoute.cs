using System.Text.RegularExpressions;

namespace RectifyFlows.Api.Routing;

/// <summary>Handles one route's request, for either host: the same code runs behind ASP.NET Core routing and behind a Functions trigger.</summary>
public delegate Task<Microsoft.AspNetCore.Http.IResult> ApiRouteHandler(ApiRequest request);

/// <summary>
/// One HTTP route of the product, as both hosts serve it. <see cref="Pattern"/> is the standalone host's path; the
/// Functions app serves the same route under its <c>/api</c> prefix (<see cref="FunctionsRoute"/>), so an API path is
/// the same on both hosts and a host-level path (<c>/healthz</c>, <c>/dashboard/…</c>) gains <c>/api</c> on Functions.
/// </summary>
/// <param name="Name">The endpoint name on the standalone host and the <c>[Function]</c> name in the Functions app.</param>
/// <param name="Method">The one HTTP method (upper case).</param>
/// <param name="Pattern">The route template on the standalone host, starting with <c>/</c>.</param>
/// <param name="Policy">The role policy (<see cref="Auth.Policies"/>), or null for a route anyone may call (signed webhooks, health, public pages).</param>
/// <param name="Tag">The OpenAPI tag (the feature).</param>
/// <param name="Handle">The shared handler.</param>
public sealed partial record ApiRoute(string Name, string Method, string Pattern, string? Policy, string Tag, ApiRouteHandler Handle)
{
    /// <summary>The prefix the Functions host puts before every HTTP trigger's route (host.json's default <c>routePrefix</c>).</summary>
    public const string FunctionsPrefix = "/api/";

    /// <summary>
    /// True when the handler starts or signals orchestrations: the Functions trigger then binds a <c>[DurableClient]</c>
    /// (Functions hands the client out only as a binding), and <see cref="ApiRequest.Durable{T}"/> builds over it.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>The JSON body the route reads, for the OpenAPI document; null when it reads none.</summary>
    public Type? Body { get; init; }

    /// <summary>Query parameters the route reads, for the OpenAPI document.</summary>
    public IReadOnlyList<string> Query { get; init; } = [];

    /// <summary>
    /// True when the standalone host serves this route with middleware instead of an endpoint (CORS preflights, which
    /// its CORS middleware answers before routing; an OPTIONS catch-all endpoint would turn every unknown path's 404
    /// into a 405 there). The Functions app, without that middleware, has the trigger.
    /// </summary>
    public bool ServedByHostMiddleware { get; init; }

    public bool IsAnonymous => Policy is null;

    /// <summary>The trigger route in the Functions app: the pattern without its leading <c>/api/</c> (or <c>/</c>).</summary>
    public string FunctionsRoute => Pattern.StartsWith(FunctionsPrefix, StringComparison.Ordinal) ? Pattern[FunctionsPrefix.Length..] : Pattern.TrimStart('/');

    /// <summary>The route parameters in the order they appear in the pattern (the order a trigger passes them in).</summary>
    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Pattern).Select(m => m.Groups[1].Value)];

    /// <summary>Where a request for <paramref name="hostPath"/> on the standalone host goes on the Functions app.</summary>
    public static string FunctionsPath(string hostPath)
    {
        ArgumentNullException.ThrowIfNull(hostPath);
        return hostPath.StartsWith(FunctionsPrefix, StringComparison.Ordinal) ? hostPath : FunctionsPrefix.TrimEnd('/') + hostPath;
    }

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}
