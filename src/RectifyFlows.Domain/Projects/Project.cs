namespace RectifyFlows.Domain.Projects;

/// <summary>扶贫项目: a poverty-alleviation project of a township, with its progress and funds (yuan).</summary>
public sealed record Project
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string Name { get; init; }
    public int Year { get; init; }

    /// <summary>notStarted, underConstruction or completed.</summary>
    public required string Status { get; init; }
    public int Percent { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    public bool Synthetic { get; init; }
}
