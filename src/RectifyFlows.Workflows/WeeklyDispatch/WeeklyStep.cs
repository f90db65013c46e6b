namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>The week and the ranking computed for it, passed on so every step sees the same ranking.</summary>
public sealed record WeeklyStep(string Week, IReadOnlyList<TownshipRank> Ranking);
