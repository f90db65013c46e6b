using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Functions.Http;

/// <summary>
/// Runs an entry of the shared route table (<see cref="ApiRoutes"/>) for a Functions HTTP trigger: the trigger's route
/// values into the request, the entry's policy checked by <see cref="ApiAccess"/> (Functions has no authorization
/// middleware; every trigger is Anonymous at the Functions level), then the entry's handler, the one the standalone
/// host maps. A trigger is therefore only its declaration: name, method, route, bindings.
/// </summary>
internal static class RouteTrigger
{
    /// <summary>Runs route <paramref name="name"/>; <paramref name="routeValues"/> are its pattern's parameters, in order.</summary>
    public static Task<IResult> RunAsync(string name, HttpRequest request, params string[] routeValues) =>
        RunCoreAsync(ApiRoutes.Named(name), request, null, routeValues);

    /// <summary>As <see cref="RunAsync"/>, for a route that drives orchestrations through the invocation's bound client.</summary>
    public static Task<IResult> RunDurableAsync(string name, HttpRequest request, DurableTaskClient client, params string[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(client);
        return RunCoreAsync(ApiRoutes.Named(name), request, client, routeValues);
    }

    private static async Task<IResult> RunCoreAsync(ApiRoute route, HttpRequest request, DurableTaskClient? client, string[] routeValues)
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

        if (route.Policy is not null && await ApiAccess.AuthorizeAsync(request, route.Policy) is { } refused)
        {
            return refused;
        }

        return await route.Handle(new ApiRequest(request.HttpContext, client));
    }
}
