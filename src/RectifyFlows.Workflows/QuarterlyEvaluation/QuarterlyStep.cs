namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>The office's quarter with the scores and strike outcomes computed so far, so every step sees the same figures.</summary>
public sealed record QuarterlyStep(string Quarter, IReadOnlyList<TownshipScore> Scores, IReadOnlyList<StrikeOutcome> Strikes, string OfficeId)
{
    public OfficePeriod Office => new(OfficeId, Quarter);

    /// <summary>The office cycle's instance that opens the quarter's actions (their <c>source</c>).</summary>
    public string Source => Office.InstanceId(CycleKind.Quarterly);
}
