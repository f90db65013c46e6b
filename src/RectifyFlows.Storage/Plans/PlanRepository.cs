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

        var categories = await PlanOutlineRows.ReadCategoriesAsync(tables.Ledger, planId, cancellationToken);
        var problems = await PlanOutlineRows.ReadProblemsAsync(tables.Ledger, planId, cancellationToken);
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
            [.. categories.Values.OrderBy(c => c.Order).Select(c => c.Category)],
            [.. problems.Values.OrderBy(p => p.Order).Select(p => p.Problem)],
            [.. measureList.OrderBy(m => problems.GetValueOrDefault(m.ProblemId).Order).ThenBy(m => m.Number)])
        {
            OfficeId = plan.Office(),
            OfficeName = plan.OfficeDisplayName(),
            SourceKind = plan.Source(),
            SourceIssuer = plan.SourceIssuer,
            Provenance = plan.ProvenanceList(),
        };
    }
}
