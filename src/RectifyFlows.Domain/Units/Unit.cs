namespace RectifyFlows.Domain.Units;

/// <summary>An organisational unit: the district, a department, a township or a village, with its contacts.</summary>
public sealed record Unit
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required UnitKind Kind { get; init; }
    public required string DistrictId { get; init; }
    public string? ParentId { get; init; }

    /// <summary>贫困村: only meaningful for villages.</summary>
    public bool PoorVillage { get; init; }
    public bool Synthetic { get; init; }

    /// <summary>For a <see cref="UnitKind.Group"/>: the kind of unit it stands for (villages), under <see cref="ParentId"/>.</summary>
    public UnitKind? GroupOf { get; init; }
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
}
