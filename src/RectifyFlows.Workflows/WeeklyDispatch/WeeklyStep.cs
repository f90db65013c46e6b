namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>The office's week and the ranking computed for it, passed on so every step sees the same ranking.</summary>
public sealed record WeeklyStep(string Week, IReadOnlyList<TownshipRank> Ranking, string OfficeId)
{
    public OfficePeriod Office => new(OfficeId, Week);

    /// <summary>The office cycle's instance: the <c>source</c> of the call-ins it opens.</summary>
    public string Source => Office.InstanceId(CycleKind.Weekly);
}
