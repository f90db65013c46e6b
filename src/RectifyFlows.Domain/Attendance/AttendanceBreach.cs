using RectifyFlows.Domain.Inspections;

namespace RectifyFlows.Domain.Attendance;

/// <summary>
/// A cadre short of the minimum days on site in a month, however it became known: a supervision team found it
/// (an attendance finding of the next month's round, which checks the month just ended) or the township reported it
/// (its month-end attendance record). Both are judged alike, in the next month's cycle.
/// </summary>
public sealed record AttendanceBreach(string? PersonId, string UnitId, int DaysOnSite, AttendanceSource Source, string Detail);

/// <summary>Who made a breach known.</summary>
public enum AttendanceSource
{
    /// <summary>督查组: a supervision team's attendance finding.</summary>
    Team,

    /// <summary>乡镇考勤报送: the township's month-end attendance report (attendance webhook).</summary>
    TownshipReport,
}

/// <summary>
/// Rule 7 as the report runs it: month M's cycle judges month M−1's attendance, because attendance is compiled at the
/// end of the month. A month's breaches are the attendance findings of the following month's round and the records
/// the townships reported for the month, one per person (a team's finding first: it carries what the team saw).
/// </summary>
public static class AttendanceJudgement
{
    /// <param name="nextRound">The inspection results of the round after the judged month (they check the judged month).</param>
    /// <param name="records">The attendance records reported for the judged month.</param>
    /// <param name="minimumDaysOnSite">The configured minimum (20 in the report).</param>
    public static IReadOnlyList<AttendanceBreach> Breaches(
        IEnumerable<InspectionResult> nextRound, IEnumerable<AttendanceRecord> records, int minimumDaysOnSite)
    {
        ArgumentNullException.ThrowIfNull(nextRound);
        ArgumentNullException.ThrowIfNull(records);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var breaches = new List<AttendanceBreach>();
        foreach (var result in nextRound)
        {
            foreach (var finding in result.Findings.Where(f => AttendanceRule.IsBreach(f, minimumDaysOnSite)))
            {
                // Two teams naming one person make one breach; a finding naming nobody stands on its own.
                if (finding.PersonId is null || named.Add(finding.PersonId))
                {
                    breaches.Add(new AttendanceBreach(finding.PersonId, result.UnitId, finding.DaysOnSite!.Value, AttendanceSource.Team, finding.Detail));
                }
            }
        }

        breaches.AddRange(records
            .Where(r => r.DaysOnSite < minimumDaysOnSite && !named.Contains(r.PersonId))
            .OrderBy(r => r.PersonId, StringComparer.Ordinal)
            .Select(r => new AttendanceBreach(r.PersonId, r.UnitId, r.DaysOnSite, AttendanceSource.TownshipReport, "乡镇考勤报送")));
        return breaches;
    }
}
