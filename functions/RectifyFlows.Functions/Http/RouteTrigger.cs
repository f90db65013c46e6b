using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Api.Security;

namespace RectifyFlows.Functions.Http;

/// <summary>
/// Runs an entry of the shared route table (<see cref="ApiRoutes"/>) for a Functions HTTP trigger, in the order the
/// standalone host's middleware runs: CORS (<see cref="CorsRules"/>; a preflight is answered here), the key
/// authenticated, the per-key rate limit (<see cref="RequestRateLimiter"/>), the entry's policy (every trigger is
/// Anonymous at the Functions level), then the entry's handler, the one the standalone host maps. A trigger is
/// therefore only its declaration: name, method, route, bindings.
/// </summary>
internal static class RouteTrigger
{
    /// <summary>Runs route <paramref name="name"/>; <paramref name="routeValues"/> are its pattern's parameters, in order.</summary>
    public static Task<IResult> RunAsync(string name, HttpRequest request, params string?[] routeValues) =>
        RunCoreAsync(ApiRoutes.Named(name), request, null, routeValues);

    /// <summary>As <see cref="RunAsync"/>, for a route that drives orchestrations through the invocation's bound client.</summary>
    public static Task<IResult> RunDurableAsync(string name, HttpRequest request, DurableTaskClient client, params string?[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(client);
        return RunCoreAsync(ApiRoutes.Named(name), request, client, routeValues);
    }

    private static async Task<IResult> RunCoreAsync(ApiRoute route, HttpRequest request, DurableTaskClient? client, string?[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = route.Parameters;
        if (names.Count != routeValues.Length)
        {
            throw new InvalidOperationException($"Trigger {route.Name} passes {routeValues.Length} route values; its pattern {route.Pattern} has {names.Count}.");
        }

        for (var i = 0; i < names.Count; i++)
        {
            request.RouteValues[names[i]] = routeValues[i];
        }

        var context = request.HttpContext;
        var services = context.RequestServices;
        var api = new ApiRequest(context, client);
        if (HttpMethods.IsOptions(route.Method))
        {
            // A preflight carries no key and is not counted, as on the standalone host, where CORS answers it first.
            return await route.Handle(api);
        }

        services.GetRequiredService<CorsRules>().Apply(context);
        await ApiAccess.AuthenticateAsync(request);
        if (services.GetRequiredService<RequestRateLimiter>().TryAcquire(context) is { } limited)
        {
            return limited;
        }

        if (route.Policy is not null && ApiAccess.Check(context, route.Policy) is { } refused)
        {
            return refused;
        }

        return await route.Handle(api);
    }
}
