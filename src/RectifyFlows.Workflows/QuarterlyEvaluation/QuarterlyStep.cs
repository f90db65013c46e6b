using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>The quarter with the scores and strike outcomes computed so far, so every step sees the same figures.</summary>
public sealed record QuarterlyStep(string Quarter, IReadOnlyList<TownshipScore> Scores, IReadOnlyList<StrikeOutcome> Strikes)
{
    /// <summary>The instance that opens the quarter's actions (their <c>source</c>).</summary>
    public string Source => CyclePeriods.InstanceId(CycleKind.Quarterly, Quarter);
}
