using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Routing;

/// <summary>
/// What a shared handler sees of a request on either host: the <see cref="HttpContext"/>, its route values, the
/// request's services, and the services that drive orchestrations (from DI on the standalone host, built over the
/// invocation's bound <see cref="DurableTaskClient"/> in the Functions app).
/// </summary>
public sealed class ApiRequest
{
    private readonly DurableTaskClient? _boundClient;

    public ApiRequest(HttpContext context, DurableTaskClient? boundClient = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _boundClient = boundClient;
    }

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public ClaimsPrincipal User => Context.User;

    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>A route parameter of the pattern (always present when the route matched).</summary>
    public string Route(string name) =>
        Request.RouteValues.TryGetValue(name, out var value) && value?.ToString() is { } text
            ? text
            : throw new InvalidOperationException($"Route value '{name}' is missing; the route's pattern and its trigger disagree.");

    /// <summary>A catch-all route parameter, empty when the path ends before it.</summary>
    public string OptionalRoute(string name) =>
        Request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() ?? string.Empty : string.Empty;

    /// <summary>The query parameter, or null when absent (see <see cref="QueryValues.Value"/>).</summary>
    public string? Query(string name) => Request.Query.Value(name);

    public T Service<T>()
        where T : notnull => Context.RequestServices.GetRequiredService<T>();

    /// <summary>
    /// A service over a <see cref="DurableTaskClient"/> (<c>EscalationStarter</c>, <c>CycleStarter</c>,
    /// <c>InspectionIntake</c>): the registered one on the standalone host, one built over the bound client in Functions.
    /// </summary>
    public T Durable<T>()
        where T : notnull =>
        _boundClient is null ? Service<T>() : ActivatorUtilities.CreateInstance<T>(Context.RequestServices, _boundClient);
}
