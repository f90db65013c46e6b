using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Measures;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api.Plans;

/// <summary>Plan import and read (api.md, "Plan and ledger"), shared by both hosts.</summary>
public sealed class PlanHandlers(PlanImporter importer, PlanRepository plans, TimeProvider time, IOptions<ColourOptions> colours)
{
    /// <summary>A province-sized plan file is a few MB; anything much larger is a mistake or an attack.</summary>
    public const long MaxPlanBytes = 16 * 1024 * 1024;

    /// <summary><c>POST /api/plans</c>: idempotent import; 201 new, 200 unchanged or updated.</summary>
    public async Task<IResult> ImportAsync(HttpContext context, EscalationStarter escalations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(escalations);
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxPlanBytes);
        if (problem is not null)
        {
            return problem;
        }

        var read = PlanReader.Read(body);
        if (!read.IsValid)
        {
            return Problems.Validation(read.Errors.ToDictionary(), $"The plan has {read.Errors.Count} problem(s); nothing was imported.");
        }

        try
        {
            var result = await importer.ImportAsync(read.Plan!, context.User.PrincipalId(), context.RequestAborted);
            await Parallel.ForEachAsync(result.ChangedMeasureIds ?? [],
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = context.RequestAborted },
                async (measureId, ct) => await escalations.EnsureAsync(ItemRef.Measure(measureId), ct));

            var response = new
            {
                planId = result.PlanId,
                outcome = result.Outcome,
                result.MeasuresCreated,
                result.MeasuresUpdated,
                result.UnitsWritten,
                result.UnitsKept,
                result.MeasuresNotInFile,
            };
            return result.Outcome == PlanImportOutcome.Created
                ? TypedResults.Created($"/api/plans/{result.PlanId}", response)
                : TypedResults.Ok(response);
        }
        catch (PlanConflictException ex)
        {
            return Problems.Conflict("方案与已有数据冲突", ex.Message, "plan-conflict",
                new Dictionary<string, object?> { ["errors"] = ex.Errors });
        }
    }

    /// <summary><c>GET /api/plans/{planId}</c>: categories, problems and measures.</summary>
    public async Task<IResult> GetAsync(string planId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = Identifiers.IsValid(planId) ? await plans.GetAsync(planId, context.RequestAborted) : null;
        if (plan is null)
        {
            return Problems.NotFound("Plan", planId);
        }

        var today = ChinaTime.Today(time);
        var measuresByProblem = plan.Measures.ToLookup(m => m.ProblemId, StringComparer.Ordinal);
        var problemsByCategory = plan.Problems.ToLookup(p => p.CategoryId, StringComparer.Ordinal);
        return TypedResults.Ok(new
        {
            id = plan.Id,
            plan.Title,
            plan.DistrictId,
            plan.DistrictName,
            plan.OfficeId,
            plan.OfficeName,
            plan.SourceKind,
            sourceKindName = plan.SourceKind.DisplayName(),
            plan.SourceIssuer,
            provenance = plan.Provenance.Select(f => new
            {
                f.ItemKind, f.ItemId, f.Provenance, provenanceName = f.Provenance.DisplayName(), f.Note,
            }),
            plan.FeedbackDate,
            importedAt = ChinaTime.ToChinaTime(plan.ImportedAt),
            plan.Assumptions,
            problemCount = plan.Problems.Count,
            measureCount = plan.Measures.Count,
            categories = plan.Categories.Select(c => new
            {
                c.Id,
                c.Title,
                c.Inferred,
                problems = problemsByCategory[c.Id].Select(p => new
                {
                    p.Id,
                    p.Number,
                    p.Title,
                    p.Finding,
                    p.LongTerm,
                    measures = measuresByProblem[p.Id].Select(m => MeasureResponse.From(m, today, colours.Value)),
                }),
            }),
        });
    }
}
