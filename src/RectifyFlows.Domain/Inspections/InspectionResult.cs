namespace RectifyFlows.Domain.Inspections;

/// <summary>督查结果: what one supervision team reports about one unit for a month.</summary>
public sealed record InspectionResult
{
    public required string EventId { get; init; }
    public required string Month { get; init; }
    public required string TeamId { get; init; }
    public required string UnitId { get; init; }
    public required DateTimeOffset InspectedAt { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
}
