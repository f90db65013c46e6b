namespace RectifyFlows.Domain.Inspections;

/// <summary>Domain rule 7: village cadres must be on site at least this many days a month.</summary>
public static class AttendanceRule
{
    public const int MinimumDaysOnSite = 20;

    public static bool IsBreach(Finding finding) =>
        finding is { Kind: "attendance", DaysOnSite: { } days } && days < MinimumDaysOnSite;
}
