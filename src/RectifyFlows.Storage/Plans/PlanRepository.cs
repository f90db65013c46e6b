using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>Reads a plan from its ledger partition.</summary>
public sealed class PlanRepository(LedgerTables tables, MeasureRepository measures)
{
    /// <summary>The plan or null: a point read and three range queries in one partition.</summary>
    public async Task<PlanView?> GetAsync(string planId, CancellationToken cancellationToken)
    {
        var header = await tables.Ledger.GetEntityIfExistsAsync<PlanEntity>(planId, LedgerKeys.PlanRow, cancellationToken: cancellationToken);
        if (!header.HasValue)
        {
            return null;
        }

        var categories = new List<CategoryEntity>();
        await foreach (var row in tables.Ledger.QueryAsync<CategoryEntity>(
            LedgerKeys.Categories.Filter(planId), cancellationToken: cancellationToken))
        {
            categories.Add(row);
        }

        var problems = new List<ProblemEntity>();
        await foreach (var row in tables.Ledger.QueryAsync<ProblemEntity>(
            LedgerKeys.Problems.Filter(planId), cancellationToken: cancellationToken))
        {
            problems.Add(row);
        }

        var problemOrder = problems.ToDictionary(p => p.ProblemId, p => p.Order, StringComparer.Ordinal);
        var measureList = new List<Domain.Measures.Measure>();
        await foreach (var measure in measures.ListByPlanAsync(planId, cancellationToken))
        {
            measureList.Add(measure);
        }

        var plan = header.Value!;
        return new PlanView(
            planId,
            plan.Title,
            plan.DistrictId,
            plan.DistrictName,
            plan.Feedback(),
            plan.ImportedAt,
            plan.AssumptionList(),
            [.. categories.OrderBy(c => c.Order).Select(c => new Category(c.CategoryId, c.Title, c.Inferred))],
            [.. problems.OrderBy(p => p.Order).Select(p => new Problem(p.ProblemId, p.CategoryId, p.Number, p.Title, p.Finding, p.LongTerm))],
            [.. measureList.OrderBy(m => problemOrder.GetValueOrDefault(m.ProblemId)).ThenBy(m => m.Number)])
        {
            OfficeId = plan.Office(),
            OfficeName = plan.OfficeDisplayName(),
            SourceKind = plan.Source(),
            SourceIssuer = plan.SourceIssuer,
            Provenance = plan.ProvenanceList(),
        };
    }
}
