using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Host.Auth;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Actions;

namespace RectifyFlows.Host.Api;

/// <summary>Accountability actions and the notification log (api.md).</summary>
public static class ActionEndpoints
{
    public static IEndpointRouteBuilder MapActionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/actions", ListActionsAsync).WithTags("Actions").RequireAuthorization(Policies.AnyKey);
        app.MapGet("/api/notifications", ListNotificationsAsync).WithTags("Notifications").RequireAuthorization(Policies.AnyKey);
        return app;
    }

    private static async Task<IResult> ListActionsAsync(
        HttpContext context, ActionRepository actions, string? unitId, string? kind, string? status, string? source)
    {
        var errors = new ValidationErrors();
        if (unitId is not null && !Identifiers.IsValid(unitId))
        {
            errors.Add("unitId", "is not a valid id.");
        }

        ActionKind? parsed = null;
        if (kind is not null)
        {
            var name = Enum.GetNames<ActionKind>().FirstOrDefault(n => string.Equals(n, kind, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add("kind", $"must be one of: {string.Join(", ", Enum.GetNames<ActionKind>().Select(MeasureResponse.Camel))}.");
            }
            else
            {
                parsed = Enum.Parse<ActionKind>(name);
            }
        }

        if (status is not (null or "open" or "done"))
        {
            errors.Add("status", "must be open or done.");
        }

        var own = context.User.UnitId();
        if (own is not null && unitId is not null && unitId != own)
        {
            return Problems.Forbidden($"This key belongs to unit '{own}'.");
        }

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var items = await actions.ListAsync(unitId ?? own, parsed, status, source, context.RequestAborted);
        return TypedResults.Ok(new
        {
            count = items.Count,
            items = items.Select(a => new
            {
                a.Id, a.UnitId, a.PersonId, kind = MeasureResponse.Camel(a.Kind.ToString()), kindName = ActionNames.Chinese(a.Kind),
                a.Reason, a.Source, a.DueDate, a.OpenedAt, a.Status,
            }),
        });
    }

    private static async Task<IResult> ListNotificationsAsync(
        HttpContext context, OutboxRepository outbox, string? recipient, string? status, DateTimeOffset? since, string? kind)
    {
        if (recipient is not null && !Identifiers.IsValid(recipient))
        {
            return Problems.Validation("recipient", "is not a valid id.");
        }

        var own = context.User.UnitId();
        if (own is not null && recipient is not null && recipient != own)
        {
            return Problems.Forbidden($"This key belongs to unit '{own}'.");
        }

        recipient ??= own;
        var items = recipient is null
            ? (await outbox.ListAllAsync(kind, context.RequestAborted)).Where(m => (status is null || m.Status == status) && (since is null || m.CreatedAt >= since)).ToList()
            : (await outbox.ListAsync(recipient, since, status, context.RequestAborted)).Where(m => kind is null || m.Kind == kind).ToList();
        return TypedResults.Ok(new { count = items.Count, items });
    }
}
