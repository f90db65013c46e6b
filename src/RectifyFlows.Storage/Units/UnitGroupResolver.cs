using RectifyFlows.Domain.Units;

namespace RectifyFlows.Storage.Units;

/// <summary>
/// Turns unit ids as plans name them into the units that act: a group (各村支部) becomes every unit of its kind under
/// its parent as stored NOW, so a village added after the plan was imported is included. Call it when a notification
/// or an action fans out, never at import. Other ids pass through; order is kept and each unit appears once.
/// </summary>
public sealed class UnitGroupResolver(UnitRepository units)
{
    /// <summary>The concrete units for <paramref name="unitIds"/>; an unknown id passes through unchanged.</summary>
    public async Task<IReadOnlyList<string>> ExpandAsync(IEnumerable<string> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unitId in unitIds)
        {
            foreach (var member in await MembersAsync(unitId, cancellationToken))
            {
                if (seen.Add(member))
                {
                    result.Add(member);
                }
            }
        }

        return result;
    }

    /// <summary>A group's members (ordered by id), or the unit itself when it is not a group.</summary>
    public async Task<IReadOnlyList<string>> MembersAsync(string unitId, CancellationToken cancellationToken)
    {
        var details = await units.GetAsync(unitId, cancellationToken);
        if (details?.Unit is not { Kind: UnitKind.Group, ParentId: { } parentId, GroupOf: { } memberKind })
        {
            return [unitId];
        }

        var children = await units.ListChildrenAsync(parentId, cancellationToken);
        return [.. children.Where(c => c.Kind == memberKind.ToString()).Select(c => c.RowKey).Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether the unit is a group (one point read).</summary>
    public async Task<bool> IsGroupAsync(string unitId, CancellationToken cancellationToken) =>
        (await units.GetProfileAsync(unitId, cancellationToken))?.Kind is UnitKind.Group;
}
