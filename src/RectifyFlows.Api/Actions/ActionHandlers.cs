using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Actions;

namespace RectifyFlows.Api.Actions;

/// <summary>Accountability actions and the notification log (api.md), shared by both hosts; a unit key sees its own.</summary>
public sealed class ActionHandlers(ActionRepository actions, OutboxRepository outbox)
{
    /// <summary><c>GET /api/actions?unitId=&amp;kind=&amp;status=&amp;source=</c>.</summary>
    public async Task<IResult> ListActionsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? unitId = query.Value("unitId"), kind = query.Value("kind"), status = query.Value("status"), source = query.Value("source");
        var errors = new ValidationErrors();
        errors.Id("unitId", unitId, required: false);
        var parsed = errors.Enum<ActionKind>("kind", kind, required: false);
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
                a.Id, a.UnitId, a.PersonId, a.Kind, kindName = ActionNames.Chinese(a.Kind),
                a.Reason, a.Source, a.DueDate, a.OpenedAt, a.Status,
            }),
        });
    }

    /// <summary><c>GET /api/notifications?recipient=&amp;status=&amp;since=&amp;kind=</c>: the delivery log.</summary>
    public async Task<IResult> ListNotificationsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? recipient = query.Value("recipient"), status = query.Value("status"), kind = query.Value("kind");
        var errors = new ValidationErrors();
        var since = errors.DateTime("since", query.Value("since"), required: false);
        errors.Id("recipient", recipient, required: false);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
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
