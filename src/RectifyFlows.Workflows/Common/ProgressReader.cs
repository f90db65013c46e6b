using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// Project progress of the units an office ranks: a district office's townships, a township office's villages (the
/// level below the office, within the office's scope), a unit with no projects counting as zero.
/// </summary>
public sealed class ProgressReader(PlanDirectoryRepository plans, UnitRepository units, ProjectRepository projects)
{
    public async Task<IReadOnlyList<TownshipProgress>> TownshipsAsync(string officeId, CancellationToken cancellationToken)
    {
        var scope = await units.ListByOfficeAsync(officeId, cancellationToken);
        var officeKind = (await units.GetProfileAsync(officeId, cancellationToken))?.Kind ?? UnitKind.District;
        var ranked = (officeKind == UnitKind.Township ? UnitKind.Village : UnitKind.Township).ToString();
        var byUnit = new List<Project>();
        foreach (var districtId in (await plans.ListByOfficeAsync(officeId, cancellationToken)).Select(p => p.DistrictId).Distinct(StringComparer.Ordinal))
        {
            byUnit.AddRange(await projects.ListByDistrictAsync(districtId, cancellationToken));
        }

        var lookup = byUnit.ToLookup(p => p.UnitId, StringComparer.Ordinal);
        return [.. scope.Where(u => u.Kind == ranked).Select(u => TownshipProgress.Of(u.RowKey, u.Name, officeId, [.. lookup[u.RowKey]]))];
    }
}
