namespace RectifyFlows.Domain.Units;

/// <summary>督查组: a team that inspects every month and submits inspection results.</summary>
public sealed record SupervisionTeam
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string DistrictId { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];
    public Contact? Contact { get; init; }
    public bool Synthetic { get; init; }
}
