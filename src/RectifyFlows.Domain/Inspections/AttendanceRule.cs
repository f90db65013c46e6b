namespace RectifyFlows.Domain.Inspections;

/// <summary>Domain rule 7: village cadres must be on site at least a minimum of days a month (20 by default, a setting).</summary>
public static class AttendanceRule
{
    /// <summary>The report's minimum; the cycles read theirs from <c>RectifyFlows:Workflows:MinimumDaysOnSite</c>.</summary>
    public const int MinimumDaysOnSite = 20;

    public static bool IsBreach(Finding finding) => IsBreach(finding, MinimumDaysOnSite);

    public static bool IsBreach(Finding finding, int minimumDaysOnSite) =>
        finding is { Kind: "attendance", DaysOnSite: { } days } && days < minimumDaysOnSite;
}
