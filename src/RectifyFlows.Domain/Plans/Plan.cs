using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Plans;

/// <summary>A validated rectification plan (整改方案) with everything it refers to.</summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string DistrictId { get; init; }
    public required string DistrictName { get; init; }
    public required DateOnly FeedbackDate { get; init; }
    public IReadOnlyList<string> Assumptions { get; init; } = [];
    public IReadOnlyList<Category> Categories { get; init; } = [];
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Measures as defined by the plan, in their initial state (<see cref="MeasureStatus.NotStarted"/>).</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>Results the plan already records (the report's 整改成效), applied when a measure is first imported.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public IReadOnlyList<Unit> Units { get; init; } = [];
    public IReadOnlyList<Official> Officials { get; init; } = [];
    public IReadOnlyList<Cadre> Cadres { get; init; } = [];
    public IReadOnlyList<SupervisionTeam> SupervisionTeams { get; init; } = [];
}
