using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Plans;
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
                errors.Add("kind", $"must be one of: {JsonNames.OneOf<ActionKind>()}.");
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
        DateTimeOffset? since = null;
        if (query.Value("since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return Problems.Validation("since", "must be an ISO 8601 date-time, e.g. 2017-03-31T09:00:00+08:00.");
            }

            since = parsed;
        }

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
