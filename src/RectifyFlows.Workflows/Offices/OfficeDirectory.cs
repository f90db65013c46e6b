using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// The issuing offices the cycles run for, read from the plan directory, and the units in each office's scope (the
/// units its plans declare or reference: one listing partition). A format-1 plan's office is its district.
/// </summary>
public sealed class OfficeDirectory(PlanDirectoryRepository plans, UnitRepository units)
{
    /// <summary>Every office, ordered by id.</summary>
    public async Task<IReadOnlyList<Office>> ListAsync(CancellationToken cancellationToken)
    {
        var offices = new List<Office>();
        foreach (var group in (await plans.ListAsync(cancellationToken)).GroupBy(p => p.DistrictId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            offices.Add(await DescribeAsync(group.Key, [.. group.Select(p => p.PlanId)], cancellationToken));
        }

        return offices;
    }

    public async Task<Office?> GetAsync(string officeId, CancellationToken cancellationToken)
    {
        var planIds = (await plans.ListAsync(cancellationToken)).Where(p => p.DistrictId == officeId).Select(p => p.PlanId).ToList();
        return planIds.Count == 0 ? null : await DescribeAsync(officeId, planIds, cancellationToken);
    }

    /// <summary>The units in the office's scope, the office's own unit included.</summary>
    public async Task<IReadOnlyList<UnitsByDistrictEntity>> UnitsAsync(string officeId, CancellationToken cancellationToken) =>
        await units.ListByDistrictAsync(officeId, cancellationToken);

    /// <summary>The ids of <see cref="UnitsAsync"/> with the office itself.</summary>
    public async Task<IReadOnlySet<string>> UnitIdsAsync(string officeId, CancellationToken cancellationToken)
    {
        var ids = (await UnitsAsync(officeId, cancellationToken)).Select(u => u.RowKey).ToHashSet(StringComparer.Ordinal);
        ids.Add(officeId);
        return ids;
    }

    /// <summary>The offices whose scope holds the unit: its own office first when the unit is one.</summary>
    public async Task<IReadOnlyList<string>> OfficesOfUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var office in await ListAsync(cancellationToken))
        {
            if (office.Id == unitId)
            {
                found.Insert(0, office.Id);
            }
            else if ((await UnitIdsAsync(office.Id, cancellationToken)).Contains(unitId))
            {
                found.Add(office.Id);
            }
        }

        return found;
    }

    private async Task<Office> DescribeAsync(string officeId, IReadOnlyList<string> planIds, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(officeId, cancellationToken);
        return new Office(officeId, unit?.Unit.Name ?? officeId, planIds, ["巡视"], [.. (unit?.Teams ?? []).Select(t => t.Id)]);
    }
}
