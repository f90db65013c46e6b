namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>A township's place in its district's weekly ranking.</summary>
public sealed record TownshipRank(
    string UnitId, string Name, string DistrictId, int Rank, decimal Score, string Completion, string Disbursement, int Projects, bool Bottom);
