using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>Project progress of every township of every plan, a township with no projects counting as zero.</summary>
public sealed class ProgressReader(PlanDirectoryRepository plans, UnitRepository units, ProjectRepository projects)
{
    public async Task<IReadOnlyList<TownshipProgress>> TownshipsAsync(CancellationToken cancellationToken)
    {
        var all = new List<TownshipProgress>();
        foreach (var (_, districtId) in await plans.ListAsync(cancellationToken))
        {
            var byUnit = (await projects.ListByDistrictAsync(districtId, cancellationToken)).ToLookup(p => p.UnitId, StringComparer.Ordinal);
            foreach (var township in (await units.ListByDistrictAsync(districtId, cancellationToken)).Where(u => u.Kind == nameof(UnitKind.Township)))
            {
                all.Add(TownshipProgress.Of(township.RowKey, township.Name, districtId, [.. byUnit[township.RowKey]]));
            }
        }

        return all;
    }
}
