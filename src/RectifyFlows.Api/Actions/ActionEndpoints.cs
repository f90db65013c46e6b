using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Actions;

/// <summary>The accountability actions and the notification outbox, read-only; the handling is <see cref="ActionHandlers"/>'.</summary>
public static class ActionEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ListActions", "GET", "/api/actions", Policies.AnyKey, "Actions", r => r.Service<ActionHandlers>().ListActionsAsync(r.Context))
        {
            Query = ["unitId", "kind", "status", "source"],
        },
        new("ListNotifications", "GET", "/api/notifications", Policies.AnyKey, "Notifications",
            r => r.Service<ActionHandlers>().ListNotificationsAsync(r.Context)) { Query = ["recipient", "status", "kind", "since"] },
    ];
}
