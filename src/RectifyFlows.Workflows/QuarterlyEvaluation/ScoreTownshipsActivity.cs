using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// Scores each township (0–100) as a weighted sum: projects and funds (mean of completion and disbursement rates,
/// 30% by default per the report), measures (share of the township's measures not overdue at quarter end), and
/// supervision (100 minus 10 per finding of the office's teams in the quarter, 20 for a high one). Ranks within the office.
/// </summary>
public sealed class ScoreTownshipsActivity(
    ProgressReader progress, OfficeDirectory offices, MeasureRepository measures, InspectionResultRepository results, IOptions<WorkflowOptions> options)
    : WorkflowActivity<OfficePeriod, IReadOnlyList<TownshipScore>>
{
    protected override async Task<IReadOnlyList<TownshipScore>> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var (first, last) = CyclePeriods.Range(CycleKind.Quarterly, input.Period) ?? throw new ArgumentException($"'{input.Period}' is not a quarter.", nameof(input));
        var teams = (await offices.GetAsync(input.OfficeId, ct))?.TeamIds ?? [];
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            foreach (var result in (await results.ListByMonthAsync(CyclePeriods.Month(month), ct)).Where(r => teams.Contains(r.TeamId, StringComparer.Ordinal)))
            {
                findings[result.UnitId] = findings.GetValueOrDefault(result.UnitId) + result.Findings.Sum(f => f.Severity == "high" ? 2 : 1);
            }
        }

        var o = options.Value;
        var scored = new List<(Domain.Projects.TownshipProgress Township, decimal Projects, decimal Measures, decimal Supervision, decimal Score)>();
        foreach (var township in await progress.TownshipsAsync(input.OfficeId, ct))
        {
            var total = 0;
            var onTime = 0;
            await foreach (var measure in measures.ListByUnitAsync(township.UnitId, null, ct))
            {
                total++;
                onTime += measure.IsOverdue(last) ? 0 : 1;
            }

            var measureScore = total == 0 ? 100m : Math.Round(onTime * 100m / total, 2);
            var supervision = Math.Max(0, 100 - 10 * findings.GetValueOrDefault(township.UnitId));
            // A township without projects is scored on the other parts only: no data is not a projects score of 0.
            var projectsWeight = township.HasData ? o.ProjectsWeight : 0;
            var score = Math.Round((projectsWeight * township.Score + o.MeasuresWeight * measureScore + o.SupervisionWeight * supervision)
                / Math.Max(1, projectsWeight + o.MeasuresWeight + o.SupervisionWeight), 2, MidpointRounding.AwayFromZero);
            scored.Add((township, township.Score, measureScore, supervision, score));
        }

        var ranked = new List<TownshipScore>();
        foreach (var district in scored.GroupBy(s => s.Township.DistrictId))
        {
            var bestFirst = Ranking.BestFirst(district, s => s.Score, s => s.Township.UnitId);
            var bottom = Ranking.Bottom(bestFirst, o.BottomCount).Select(s => s.Township.UnitId).ToHashSet(StringComparer.Ordinal);
            ranked.AddRange(bestFirst.Select((s, i) => new TownshipScore(s.Township.UnitId, s.Township.Name, s.Township.DistrictId,
                s.Score, s.Projects, s.Measures, s.Supervision, i + 1, bottom.Contains(s.Township.UnitId), s.Township.HasData)));
        }

        return ranked;
    }
}
