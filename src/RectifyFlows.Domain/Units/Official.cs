namespace RectifyFlows.Domain.Units;

/// <summary>A district leader who can lead measures (牵头区领导), identified by role when the name is not public.</summary>
public sealed record Official
{
    public required string Id { get; init; }
    public required string Role { get; init; }
    public string? Name { get; init; }
    public required string UnitId { get; init; }
    public Contact? Contact { get; init; }
    public bool Synthetic { get; init; }
}
