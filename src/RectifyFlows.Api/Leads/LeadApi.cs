using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Leads;

/// <summary>
/// The leads ledger over HTTP (rule 8), shared by both hosts: list (by status, overdue), read with history and audit,
/// assign an owner and deadline (the owner is reminded), record a disposition. Illegal steps are 409 problems.
/// </summary>
public sealed class LeadApi(LeadRepository leads, UnitRepository units, LeadReminders reminders, TimeProvider time)
{
    public async Task<IResult> ListAsync(string? status, string? overdue, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = errors.Enum<LeadStatus>("status", status, required: false);
        var overdueFilter = errors.Flag("overdue", overdue);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var today = ChinaTime.Today(time);
        IEnumerable<Lead> items = overdueFilter == true
            ? await leads.ListOverdueAsync(today, cancellationToken)
            : await leads.ListAsync(parsed, cancellationToken);
        items = items.Where(l => (parsed is null || l.Status == parsed) && (overdueFilter is null || l.IsOverdue(today) == overdueFilter));
        var list = items.Select(l => LeadResponse.From(l, today)).ToList();
        return TypedResults.Ok(new { count = list.Count, items = list });
    }

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(id) || await leads.GetAsync(id, cancellationToken) is not { } lead)
        {
            return Problems.NotFound("Lead", id);
        }

        return TypedResults.Ok(LeadResponse.From(lead, ChinaTime.Today(time), await leads.AuditAsync(id, cancellationToken)));
    }

    public async Task<IResult> AssignAsync(HttpRequest request, string id, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<LeadAssignRequest>(request, 16 * 1024);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (!Identifiers.IsValid(body!.OwnerUnitId))
        {
            errors.Add("ownerUnitId", "is required and must be a valid id.");
        }
        else if (!await units.ExistsAsync(body.OwnerUnitId!, ct))
        {
            errors.Add("ownerUnitId", $"unknown unit '{body.OwnerUnitId}'.");
        }

        var today = ChinaTime.Today(time);
        if (body.Deadline is not { } deadline)
        {
            errors.Add("deadline", "is required (yyyy-MM-dd, China date).");
        }
        else if (deadline < today)
        {
            errors.Add("deadline", $"must not be before today ({today:yyyy-MM-dd}).");
        }

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return await ChangeAsync(id, lead => LeadLifecycle.Assign(lead, body.OwnerUnitId!, body.Deadline!.Value, actor, time.GetUtcNow()),
            async changed => await reminders.AssignedAsync(changed, ct), ct);
    }

    public async Task<IResult> DispositionAsync(HttpRequest request, string id, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<LeadDispositionRequest>(request, 16 * 1024);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var disposition = errors.Enum<LeadDisposition>("disposition", body!.Disposition);
        errors.Text("note", body.Note, LeadLifecycle.MaxNoteLength);

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return await ChangeAsync(id, lead => LeadLifecycle.Dispose(lead, disposition!.Value, body.Note!.Trim(), actor, time.GetUtcNow()), null, ct);
    }

    private async Task<IResult> ChangeAsync(string id, Func<Lead, Lead> change, Func<Lead, Task>? after, CancellationToken ct)
    {
        if (!Identifiers.IsValid(id))
        {
            return Problems.NotFound("Lead", id);
        }

        Lead? changed;
        try
        {
            changed = await leads.UpdateAsync(id, change, ct);
        }
        catch (LeadTransitionException ex)
        {
            return Problems.Conflict("线索状态不允许此操作", ex.Detail, "illegal-transition",
                new Dictionary<string, object?> { ["leadStatus"] = ex.Status });
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("线索正被他人修改", ex.Message, "concurrency-conflict");
        }

        if (changed is null)
        {
            return Problems.NotFound("Lead", id);
        }

        if (after is not null)
        {
            await after(changed);
        }

        return TypedResults.Ok(LeadResponse.From(changed, ChinaTime.Today(time)));
    }
}
