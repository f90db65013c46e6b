using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Plans;
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
        foreach (var group in (await plans.ListAsync(cancellationToken)).GroupBy(p => p.OfficeId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            offices.Add(await DescribeAsync(group.Key, [.. group], cancellationToken));
        }

        return offices;
    }

    /// <summary>One office (its plans: one partition), or null when no plan is issued by it.</summary>
    public async Task<Office?> GetAsync(string officeId, CancellationToken cancellationToken)
    {
        var issued = await plans.ListByOfficeAsync(officeId, cancellationToken);
        return issued.Count == 0 ? null : await DescribeAsync(officeId, issued, cancellationToken);
    }

    /// <summary>The units in the office's scope: those its plans declare or reference (one partition).</summary>
    public async Task<IReadOnlyList<UnitsByDistrictEntity>> UnitsAsync(string officeId, CancellationToken cancellationToken) =>
        await units.ListByOfficeAsync(officeId, cancellationToken);

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

    /// <summary>
    /// The office's name as its unit is known (赣县区; the plan's name for it, e.g. 赣州市赣县区, when the unit is not
    /// stored), its plans' source kinds and its supervision teams.
    /// </summary>
    private async Task<Office> DescribeAsync(string officeId, IReadOnlyList<PlanDirectoryEntry> issued, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(officeId, cancellationToken);
        var ordered = issued.OrderBy(p => p.PlanId, StringComparer.Ordinal).ToList();
        var name = unit?.Unit.Name is { Length: > 0 } unitName ? unitName : ordered.Select(p => p.OfficeName).FirstOrDefault(n => n.Length > 0) ?? officeId;
        return new Office(officeId, name, [.. ordered.Select(p => p.PlanId)],
            [.. ordered.Select(p => p.SourceKind).Distinct().Order().Select(k => k.DisplayName())], [.. (unit?.Teams ?? []).Select(t => t.Id)]);
    }
}
