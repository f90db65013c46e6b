using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// The names of the units one office's report shows: the office's listing (one partition query) and a read of each
/// named unit the listing lacks (a team may inspect, or a lead be handed to, a unit another office lists).
/// </summary>
/// <remarks>
/// Reading every office's listing instead was 64% of a province cycle's storage requests: each of a hundred
/// offices' reports read a hundred listings, twice a month.
/// </remarks>
public sealed class UnitNames(UnitRepository units)
{
    private const int ParallelReads = 8;

    /// <summary>The office's units and every unit of <paramref name="named"/> (null ids and unknown units skipped).</summary>
    public async Task<UnitNameBook> ForOfficeAsync(string? officeId, IEnumerable<string?> named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(named);
        var book = new Dictionary<string, UnitName>(StringComparer.Ordinal);
        if (officeId is not null)
        {
            foreach (var row in await units.ListByOfficeAsync(officeId, cancellationToken))
            {
                book[row.RowKey] = new UnitName(row.Name, row.Kind);
            }
        }

        var missing = named.OfType<string>().Append(officeId).OfType<string>()
            .Where(id => !book.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, UnitName>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                if (await units.GetProfileAsync(id, token) is { } unit)
                {
                    found[id] = new UnitName(unit.Name, unit.Kind.ToString());
                }
            });
        foreach (var (id, name) in found)
        {
            book[id] = name;
        }

        return new UnitNameBook(book);
    }
}

/// <summary>A unit's name and kind (<see cref="Domain.Units.UnitKind"/>'s name) as a report shows them.</summary>
public sealed record UnitName(string Name, string Kind);

/// <summary>Names looked up by unit id; an id the book lacks is shown as itself.</summary>
public sealed class UnitNameBook(IReadOnlyDictionary<string, UnitName> names)
{
    public string Name(string? unitId) =>
        unitId is null ? string.Empty : names.TryGetValue(unitId, out var unit) ? unit.Name : unitId;

    /// <summary>Several units in one cell, as a report names a measure's lead units: 乡扶贫办、乡村建所.</summary>
    public string Names(IEnumerable<string> unitIds) => string.Join("、", unitIds.Select(Name));

    public bool IsKind(string unitId, Domain.Units.UnitKind kind) =>
        names.TryGetValue(unitId, out var unit) && unit.Kind == kind.ToString();
}
