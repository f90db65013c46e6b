using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>Project progress of the townships of one office's scope, a township with no projects counting as zero.</summary>
public sealed class ProgressReader(UnitRepository units, ProjectRepository projects)
{
    public async Task<IReadOnlyList<TownshipProgress>> TownshipsAsync(string officeId, CancellationToken cancellationToken)
    {
        var all = new List<TownshipProgress>();
        foreach (var districtId in new[] { officeId })
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
