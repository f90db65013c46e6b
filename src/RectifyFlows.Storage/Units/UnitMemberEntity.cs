using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>
/// A person or team that belongs to a unit, in the unit's partition: a cadre (RK <c>cadre|id</c>) in a village,
/// an official (RK <c>official|id</c>) in their unit, a supervision team (RK <c>team|id</c>) in the district.
/// One shape for the three keeps a unit readable with one partition query.
/// </summary>
public sealed class UnitMemberEntity : TableRow
{
    public const string CadrePrefix = "cadre|";
    public const string OfficialPrefix = "official|";
    public const string TeamPrefix = "team|";

    public string MemberId { get; set; } = string.Empty;
    public string? Name { get; set; }

    /// <summary>The cadre role, the official's role (区长…), or "supervisionTeam".</summary>
    public string Role { get; set; } = string.Empty;
    public bool Synthetic { get; set; }

    /// <summary>JSON: the contact of an official or team.</summary>
    public string? Contact { get; set; }

    /// <summary>JSON array: the members of a team.</summary>
    public string? Members { get; set; }
}
