using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>Names and kinds of every unit of every plan, read once per activity (one query per issuing office).</summary>
public sealed class UnitNames(PlanDirectoryRepository plans, UnitRepository units)
{
    public async Task<IReadOnlyDictionary<string, UnitsByDistrictEntity>> LoadAsync(CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, UnitsByDistrictEntity>(StringComparer.Ordinal);
        foreach (var (officeId, _) in await plans.ListOfficesAsync(cancellationToken))
        {
            foreach (var unit in await units.ListByOfficeAsync(officeId, cancellationToken))
            {
                map[unit.RowKey] = unit;
            }
        }

        return map;
    }

    public static string Name(IReadOnlyDictionary<string, UnitsByDistrictEntity> map, string? unitId) =>
        unitId is null ? string.Empty : map.TryGetValue(unitId, out var unit) ? unit.Name : unitId;
}
