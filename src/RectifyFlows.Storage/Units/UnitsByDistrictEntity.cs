using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>
/// A unit's summary in a listing: its office's (PK office id, RK unit id; a district office's id is the district's)
/// or its parent's children index (PK <c>children|{parentId}</c>).
/// </summary>
public sealed class UnitsByDistrictEntity : TableRow
{
    public string Name { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string? ParentId { get; set; }
    public bool PoorVillage { get; set; }

    /// <summary>For a group (各村支部): the kind of unit it stands for.</summary>
    public string? GroupOf { get; set; }

    /// <summary>The unit's district (the partition may be another listing's key); empty on rows written before it was kept.</summary>
    public string? DistrictId { get; set; }

    /// <summary>
    /// The import fingerprint of the unit's rows (as on its profile row), written after them: equal means an import has
    /// nothing to write for this unit, without reading it. Empty when this listing vouches for none.
    /// </summary>
    public string? Fingerprint { get; set; }
}
