namespace RectifyFlows.Domain.Units;

/// <summary>A first secretary or work-team member stationed in a village.</summary>
public sealed record Cadre
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required CadreRole Role { get; init; }

    /// <summary>The village the cadre is stationed in.</summary>
    public required string UnitId { get; init; }
    public bool Synthetic { get; init; }
}
