using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api.Measures;

/// <summary>
/// The ledger's measure routes of api.md (list, read with history, progress, evidence, sign-off, extension), shared by
/// both hosts. Authorization by role is the host's (route policies / <see cref="ApiAccess"/>); the unit scope of a unit
/// key is checked here against the stored measure. Routes that move the escalation ladder take the host's
/// <see cref="EscalationStarter"/>, because Functions binds its durable client per invocation.
/// </summary>
public sealed class MeasureHandlers(MeasureRepository repository, TimeProvider time, IOptions<ColourOptions> colours)
{
    public const int MaxNoteLength = 2000;
    public const int MaxEvidenceLength = 8000;

    /// <summary>A sign-off's <c>decision</c>: accept signs the measure off, return sends it back.</summary>
    private static readonly string[] Decisions = ["accept", "return"];

    /// <summary><c>GET /api/measures?planId=&amp;unitId=&amp;status=&amp;colour=&amp;overdue=&amp;asOf=</c>.</summary>
    public async Task<IResult> ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? planId = query.Value("planId"), unitId = query.Value("unitId"), status = query.Value("status"),
            colour = query.Value("colour"), overdue = query.Value("overdue"), asOf = query.Value("asOf");
        var errors = new ValidationErrors();
        errors.Id("planId", planId, required: false);
        errors.Id("unitId", unitId, required: false);
        var statusFilter = errors.Enum<MeasureStatus>("status", status, required: false);
        var colourFilter = errors.Enum<Colour>("colour", colour, required: false);
        var overdueFilter = errors.Flag("overdue", overdue);
        var today = errors.Date("asOf", asOf, required: false) ?? ChinaTime.Today(time);

        var ownUnit = context.User.UnitId();
        if (ownUnit is not null && unitId is not null && unitId != ownUnit)
        {
            return Problems.Forbidden($"This key belongs to unit '{ownUnit}' and cannot read unit '{unitId}'.");
        }

        unitId ??= ownUnit;
        if (planId is null && unitId is null && overdueFilter != true)
        {
            errors.Add("planId", "give planId, unitId, or overdue=true (all overdue measures).");
        }

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var source = unitId is not null ? repository.ListByUnitAsync(unitId, planId, context.RequestAborted)
            : planId is not null ? repository.ListByPlanAsync(planId, context.RequestAborted)
            : repository.ListOverdueAsync(today, context.RequestAborted);
        var items = new List<MeasureResponse>();
        await foreach (var measure in source)
        {
            var response = MeasureResponse.From(measure, today, colours.Value);
            if ((statusFilter is null || measure.Status == statusFilter)
                && (colourFilter is null || response.Colour == colourFilter)
                && (overdueFilter is null || response.Overdue == overdueFilter))
            {
                items.Add(response);
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.PlanId, b.PlanId) is var byPlan and not 0 ? byPlan
            : string.CompareOrdinal(a.ProblemId, b.ProblemId) is var byProblem and not 0 ? byProblem
            : a.Number.CompareTo(b.Number));
        return TypedResults.Ok(new { asOf = today, count = items.Count, items });
    }

    /// <summary><c>GET /api/measures/{measureId}</c>: the measure with its history and evidence.</summary>
    public async Task<IResult> GetAsync(string measureId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = Identifiers.IsValid(measureId) ? await repository.GetWithHistoryAsync(measureId, context.RequestAborted) : null;
        if (found is null)
        {
            return Problems.NotFound("Measure", measureId);
        }

        if (Denied(context.User, found.Measure) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(new MeasureDetailResponse(
            MeasureResponse.From(found.Measure, ChinaTime.Today(time), colours.Value),
            [.. found.History.Select(HistoryEntry.From)],
            found.Evidence));
    }

    /// <summary><c>POST …/progress</c> <c>{percent, note}</c>.</summary>
    public async Task<IResult> ProgressAsync(string measureId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<ProgressRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Percent is not { } percent || percent < 0 || percent > 100)
        {
            errors.Add("percent", "is required and must be an integer from 0 to 100.");
        }

        errors.MaxLength("note", body.Note, MaxNoteLength);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return await ChangeAsync(measureId, context, escalations: null,
            measure => new MeasureChange(MeasureLifecycle.ReportProgress(measure, body.Percent!.Value, time.GetUtcNow()), "progress", body.Note));
    }

    /// <summary><c>POST …/evidence</c>: EvidenceSubmitted; stops the ladder.</summary>
    public async Task<IResult> EvidenceAsync(string measureId, HttpContext context, EscalationStarter escalations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<EvidenceRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        errors.Text("text", body!.Text, MaxEvidenceLength);
        var today = ChinaTime.Today(time);
        var effective = errors.Date("effectiveDate", body.EffectiveDate);
        if (effective > today)
        {
            errors.Add("effectiveDate", $"{effective:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }

        var attachments = AttachmentRequests.Read(errors, body.Attachments);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var actor = context.User.PrincipalId();
        return await ChangeAsync(measureId, context, escalations, measure =>
        {
            var now = time.GetUtcNow();
            var evidence = new Evidence
            {
                MeasureId = measure.Id, Text = body.Text!.Trim(), EffectiveDate = effective!.Value, Attachments = attachments,
                SubmittedBy = actor, SubmittedAt = now,
            };
            return new MeasureChange(MeasureLifecycle.SubmitEvidence(measure, now), "evidence", null, evidence);
        });
    }

    /// <summary><c>POST …/signoff</c> <c>{decision, comment, newDueDate?}</c>.</summary>
    public async Task<IResult> SignOffAsync(string measureId, HttpContext context, EscalationStarter escalations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<SignOffRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var accept = errors.OneOf("decision", body!.Decision, Decisions) == "accept";
        errors.MaxLength("comment", body.Comment, MaxNoteLength);
        var newDueDate = errors.Date("newDueDate", body.NewDueDate, required: false);
        if (accept && newDueDate is not null)
        {
            errors.Add("newDueDate", "only a return can set a new due date.");
        }

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var comment = body.Comment?.Trim() ?? string.Empty;
        return await ChangeAsync(measureId, context, escalations, measure =>
        {
            var today = ChinaTime.Today(time);
            var now = time.GetUtcNow();
            return accept
                ? new MeasureChange(MeasureLifecycle.Accept(measure, today, now, comment), "signoff", comment)
                : new MeasureChange(MeasureLifecycle.Return(measure, today, newDueDate, now, comment), "return", comment);
        });
    }

    /// <summary><c>POST …/extension</c> <c>{newDueDate, reason}</c>, before the due date only.</summary>
    public async Task<IResult> ExtensionAsync(string measureId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<ExtensionRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var newDueDate = errors.Date("newDueDate", body!.NewDueDate);
        errors.Text("reason", body.Reason, MaxNoteLength);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return await ChangeAsync(measureId, context, escalations: null, measure => new MeasureChange(
            MeasureLifecycle.RequestExtension(measure, newDueDate!.Value, body.Reason!.Trim(), ChinaTime.Today(time), time.GetUtcNow()),
            "extension", body.Reason!.Trim()));
    }

    /// <summary><c>POST …/extension/decision</c> <c>{approve, comment}</c>.</summary>
    public async Task<IResult> ExtensionDecisionAsync(string measureId, HttpContext context, EscalationStarter escalations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<ExtensionDecisionRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Approve is null)
        {
            errors.Add("approve", "is required: true or false.");
        }

        errors.MaxLength("comment", body.Comment, MaxNoteLength);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        // An approved extension moves the ladder: the starter tells it to reload the new due date.
        return await ChangeAsync(measureId, context, escalations, measure => new MeasureChange(
            MeasureLifecycle.DecideExtension(measure, body.Approve!.Value, time.GetUtcNow()),
            body.Approve!.Value ? "extension.approved" : "extension.refused", body.Comment?.Trim()));
    }

    /// <summary>The shared path of every change: find, check the unit's scope, apply, map domain refusals to 409.</summary>
    private async Task<IResult> ChangeAsync(
        string measureId, HttpContext context, EscalationStarter? escalations, Func<Measure, MeasureChange> decide)
    {
        var current = Identifiers.IsValid(measureId) ? await repository.GetAsync(measureId, context.RequestAborted) : null;
        if (current is null)
        {
            return Problems.NotFound("Measure", measureId);
        }

        if (Denied(context.User, current) is { } denied)
        {
            return denied;
        }

        try
        {
            var updated = await repository.UpdateAsync(measureId, context.User.PrincipalId(), decide, context.RequestAborted);
            if (updated is not null && escalations is not null)
            {
                // Evidence stops the ladder, a return restarts it on the new due date: tell it (or start it).
                await escalations.EnsureAsync(ItemRef.Measure(measureId), context.RequestAborted);
            }

            return updated is null
                ? Problems.NotFound("Measure", measureId)
                : TypedResults.Ok(MeasureResponse.From(updated, ChinaTime.Today(time), colours.Value));
        }
        catch (IllegalTransitionException ex)
        {
            return Problems.Conflict("当前状态不允许此操作", ex.Detail, "illegal-transition", new Dictionary<string, object?>
            {
                ["measureId"] = ex.MeasureId,
                ["measureStatus"] = ex.Status,
                ["action"] = ex.Action,
            });
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("数据正被他人修改，请重试", ex.Message, "concurrency-conflict");
        }
    }

    /// <summary>A unit key may only touch measures its unit leads or is responsible for.</summary>
    private static IResult? Denied(ClaimsPrincipal user, Measure measure)
    {
        var unit = user.UnitId();
        return unit is not null && !measure.Involves(unit)
            ? Problems.Forbidden($"Measure '{measure.Id}' does not involve unit '{unit}'.")
            : null;
    }
}
