using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api.Actions;

/// <summary>
/// Accountability actions and the notification log (api.md), shared by both hosts; a unit key sees its own. An action
/// is closed by reporting it carried out, with proof (<see cref="CompleteAsync"/>); its ladder hears of it at once.
/// </summary>
public sealed class ActionHandlers(ActionRepository actions, OutboxRepository outbox, TimeProvider time)
{
    public const int MaxNoteLength = 2000;

    /// <summary><c>GET /api/actions?unitId=&amp;kind=&amp;status=&amp;source=</c>.</summary>
    public async Task<IResult> ListActionsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? unitId = query.Value("unitId"), kind = query.Value("kind"), status = query.Value("status"), source = query.Value("source");
        var errors = new ValidationErrors();
        errors.Id("unitId", unitId, required: false);
        var parsed = errors.Enum<ActionKind>("kind", kind, required: false);
        if (status is not null && !ActionStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be {string.Join(" or ", ActionStatuses.All)}.");
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
        return TypedResults.Ok(new { count = items.Count, items = items.Select(ActionResponse.From) });
    }

    /// <summary><c>GET /api/actions/{unitId}/{actionId}</c>: one action, with how it was carried out and its history.</summary>
    public async Task<IResult> GetAsync(string unitId, string actionId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (OutOfScope(context, unitId) is { } denied)
        {
            return denied;
        }

        var action = Identifiers.IsValid(unitId) && Identifiers.IsValid(actionId)
            ? await actions.GetAsync(unitId, actionId, context.RequestAborted)
            : null;
        return action is null ? Problems.NotFound("Action", $"{unitId}/{actionId}") : TypedResults.Ok(ActionResponse.From(action));
    }

    /// <summary>
    /// <c>POST /api/actions/{unitId}/{actionId}/completion</c> <c>{note, completedOn?, attachments?}</c>: the unit (its own
    /// actions) or the office reports the action carried out. Done is final: a second report is 409. The action's ladder
    /// (its own, or the one it shares, ADR 0020) is told, so it stops sending to it now, not at its next step.
    /// </summary>
    public async Task<IResult> CompleteAsync(string unitId, string actionId, HttpContext context, EscalationStarter escalations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(escalations);
        if (OutOfScope(context, unitId) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await JsonBody.ReadAsync<ActionCompletionRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        errors.Text("note", body!.Note, MaxNoteLength);
        var today = ChinaTime.Today(time);
        var completedOn = errors.Date("completedOn", body.CompletedOn, required: false) ?? today;
        if (completedOn > today)
        {
            errors.Add("completedOn", $"{completedOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }

        var attachments = AttachmentRequests.Read(errors, body.Attachments);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var ct = context.RequestAborted;
        var current = Identifiers.IsValid(unitId) && Identifiers.IsValid(actionId) ? await actions.GetAsync(unitId, actionId, ct) : null;
        if (current is null)
        {
            return Problems.NotFound("Action", $"{unitId}/{actionId}");
        }

        if (completedOn < ChinaTime.DateOf(current.OpenedAt))
        {
            return Problems.Validation("completedOn", $"{completedOn:yyyy-MM-dd} is before the action was opened ({ChinaTime.DateOf(current.OpenedAt):yyyy-MM-dd}).");
        }

        var completion = new ActionCompletion
        {
            CompletedOn = completedOn, Note = body.Note!.Trim(), Attachments = attachments,
            ReportedBy = context.User.PrincipalId(), ReportedAt = time.GetUtcNow(),
        };
        AccountabilityAction? done;
        try
        {
            done = await actions.UpdateAsync(unitId, actionId, action => ActionLifecycle.Complete(action, completion), ct);
        }
        catch (ActionTransitionException ex)
        {
            return Problems.Conflict("问责事项状态不允许此操作", ex.Detail, "illegal-transition",
                new Dictionary<string, object?> { ["actionStatus"] = ex.Status });
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("数据正被他人修改，请重试", ex.Message, "concurrency-conflict");
        }

        if (done is null)
        {
            return Problems.NotFound("Action", $"{unitId}/{actionId}");
        }

        await escalations.NotifyChangedAsync(done, ct);
        return TypedResults.Ok(ActionResponse.From(done));
    }

    /// <summary>A unit key reaches its own unit's actions only.</summary>
    private static IResult? OutOfScope(HttpContext context, string unitId) =>
        context.User.UnitId() is { } own && own != unitId ? Problems.Forbidden($"This key belongs to unit '{own}'.") : null;

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
