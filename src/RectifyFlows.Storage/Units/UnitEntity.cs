using System.Text.Json;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>A unit's profile row (PK unit id, RK <c>profile</c>) with its contacts as JSON.</summary>
public sealed class UnitEntity : TableRow
{
    public const string ProfileRow = "profile";

    /// <summary>The profile row unless set otherwise.</summary>
    public UnitEntity() => RowKey = ProfileRow;

    public string Name { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string DistrictId { get; set; } = string.Empty;
    public string? ParentId { get; set; }
    public bool PoorVillage { get; set; }
    public bool Synthetic { get; set; }
    public string Contacts { get; set; } = "[]";

    /// <summary>The plan that declared the unit and alone may change it by import; empty for a placeholder or an old row.</summary>
    public string OwnerPlanId { get; set; } = string.Empty;

    /// <summary>For a group: the kind of unit it stands for.</summary>
    public string? GroupOf { get; set; }

    /// <summary>Hash of everything the last import wrote to this partition; equal means nothing to write.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public static UnitEntity From(Unit unit, string fingerprint, string ownerPlanId = "")
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new UnitEntity
        {
            PartitionKey = unit.Id,
            Name = unit.Name,
            Kind = unit.Kind.ToString(),
            DistrictId = unit.DistrictId,
            ParentId = unit.ParentId,
            PoorVillage = unit.PoorVillage,
            Synthetic = unit.Synthetic,
            Contacts = JsonSerializer.Serialize(unit.Contacts),
            Fingerprint = fingerprint,
            OwnerPlanId = ownerPlanId,
            GroupOf = unit.GroupOf?.ToString(),
        };
    }

    public Unit ToUnit() => new()
    {
        Id = PartitionKey,
        Name = Name,
        Kind = Enum.Parse<UnitKind>(Kind),
        DistrictId = DistrictId,
        ParentId = ParentId,
        PoorVillage = PoorVillage,
        Synthetic = Synthetic,
        Contacts = JsonSerializer.Deserialize<Contact[]>(Contacts) ?? [],
        GroupOf = GroupOf is null ? null : Enum.Parse<UnitKind>(GroupOf),
    };
}
