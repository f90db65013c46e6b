using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Evaluation;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>Ranks the office's townships by the mean of completion and disbursement rates; marks the bottom N.</summary>
public sealed class RankTownshipsActivity(ProgressReader progress, IOptions<WorkflowOptions> options)
    : WorkflowActivity<OfficePeriod, IReadOnlyList<TownshipRank>>
{
    protected override async Task<IReadOnlyList<TownshipRank>> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var ranking = new List<TownshipRank>();
        foreach (var district in (await progress.TownshipsAsync(input.OfficeId, ct)).GroupBy(t => t.DistrictId))
        {
            // Only townships with projects are ranked; one without is listed as such after them, never ranked at 0.
            var bestFirst = Ranking.BestFirst(district.Where(t => t.HasData), t => t.Score, t => t.UnitId);
            var bottom = Ranking.Bottom(bestFirst, options.Value.BottomCount).Select(t => t.UnitId).ToHashSet(StringComparer.Ordinal);
            ranking.AddRange(bestFirst.Select((t, i) => new TownshipRank(
                t.UnitId, t.Name, t.DistrictId, i + 1, t.Score, t.Completion.ToString(), t.Disbursement.ToString(), t.Projects, bottom.Contains(t.UnitId))));
            ranking.AddRange(district.Where(t => !t.HasData).OrderBy(t => t.UnitId, StringComparer.Ordinal).Select(t => new TownshipRank(
                t.UnitId, t.Name, t.DistrictId, 0, 0m, TownshipRank.NoData, TownshipRank.NoData, 0, false, HasData: false)));
        }

        return ranking;
    }
}
