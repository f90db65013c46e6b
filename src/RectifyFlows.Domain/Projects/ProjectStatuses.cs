namespace RectifyFlows.Domain.Projects;

/// <summary>A project's status values (as in the API and files) and their Chinese names.</summary>
public static class ProjectStatuses
{
    public const string NotStarted = "notStarted";
    public const string UnderConstruction = "underConstruction";
    public const string Completed = "completed";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { NotStarted, UnderConstruction, Completed };

    /// <summary>未开工, 在建 or 已完工.</summary>
    public static string Chinese(string status) => status switch
    {
        NotStarted => "未开工",
        UnderConstruction => "在建",
        Completed => "已完工",
        _ => status,
    };
}

/// <summary>Funding levels (资金级别) and their Chinese names.</summary>
public static class FundingLevels
{
    public static IReadOnlyList<string> All { get; } = ["central", "provincial", "municipal", "county", "other"];

    /// <summary>中央, 省级, 市级, 县级 or 其他.</summary>
    public static string Chinese(string level) => level switch
    {
        "central" => "中央",
        "provincial" => "省级",
        "municipal" => "市级",
        "county" => "县级",
        "other" => "其他",
        _ => level,
    };
}
