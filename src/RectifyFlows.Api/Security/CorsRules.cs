using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Security;

/// <summary>
/// Cross-origin rules of both hosts (ADR 0010): closed unless <c>RectifyFlows:Http:CorsOrigins</c> lists origins; an
/// allowed origin may send the key and a JSON body with GET, POST and PUT. The standalone host builds its ASP.NET Core
/// CORS policy from these rules; the Functions app applies them itself (<see cref="Apply"/>, <see cref="Preflight"/>).
/// </summary>
public sealed class CorsRules(IOptions<IntakeLimitsOptions> options)
{
    /// <summary>
    /// Preflights on any path: the Functions app's catch-all OPTIONS trigger. The standalone host's CORS middleware,
    /// built from these rules, answers them there before routing.
    /// </summary>
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("CorsPreflight", "OPTIONS", "/{*path}", null, "CORS", r => Task.FromResult(r.Service<CorsRules>().Preflight(r.Context)))
        {
            ServedByHostMiddleware = true,
        },
    ];

    public static readonly string[] Headers = [ApiKeyAuthenticator.HeaderName, "Content-Type"];

    public static readonly string[] Methods = ["GET", "POST", "PUT"];

    private readonly HashSet<string> _origins = (options ?? throw new ArgumentNullException(nameof(options))).Value.CorsOrigins
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Allows(string origin) => _origins.Contains(origin);

    /// <summary>On an actual request from an allowed origin, the response names that origin; from any other, nothing is added.</summary>
    public void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && Allows(origin))
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.Vary = "Origin";
        }
    }

    /// <summary>
    /// The answer to a preflight (<c>OPTIONS</c>): 204 always, as ASP.NET Core's CORS middleware answers; the
    /// Access-Control-Allow-* headers only for an allowed origin asking for an allowed method.
    /// </summary>
    public IResult Preflight(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request.Headers;
        var origin = request.Origin.ToString();
        var method = request.AccessControlRequestMethod.ToString();
        if (origin.Length > 0 && Allows(origin) && Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            var response = context.Response.Headers;
            response.AccessControlAllowOrigin = origin;
            response.AccessControlAllowMethods = string.Join(',', Methods);
            response.AccessControlAllowHeaders = string.Join(',', Headers);
            response.Vary = "Origin";
        }

        return TypedResults.NoContent();
    }
}
