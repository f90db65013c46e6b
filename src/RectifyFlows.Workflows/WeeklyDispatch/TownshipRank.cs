namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>
/// A township's place in its district's weekly ranking. A township without projects has no data: it is listed
/// (<see cref="HasData"/> false, rank 0, rates "无数据") after the ranked ones, never ranked at 0 nor called in.
/// </summary>
public sealed record TownshipRank(
    string UnitId, string Name, string DistrictId, int Rank, decimal Score, string Completion, string Disbursement, int Projects, bool Bottom,
    bool HasData = true)
{
    /// <summary>"3", or "无数据" for a township without projects.</summary>
    public string RankText => HasData ? Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : NoData;

    public const string NoData = "无数据";
}
