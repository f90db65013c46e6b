using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Inspections;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// The attendance a monthly cycle judges (rule 7, <see cref="AttendanceJudgement"/>): month M's cycle judges month
/// M−1, compiled at its end, whether a supervision team of round M found the breach or the township reported it
/// through the attendance webhook; a person short in M−2 as well is proposed for recall. Only the office's units.
/// </summary>
public sealed class MonthlyAttendance(InspectionResultRepository results, AttendanceRepository attendance, IOptions<WorkflowOptions> options)
{
    public int MinimumDaysOnSite => options.Value.MinimumDaysOnSite;

    /// <summary>The month a cycle judges: the one before the cycle's month.</summary>
    public static string JudgedMonth(string cycleMonth) =>
        CyclePeriods.Previous(CycleKind.Monthly, cycleMonth) ?? throw new ArgumentException($"'{cycleMonth}' is not a month (yyyy-MM).", nameof(cycleMonth));

    /// <summary>The breaches of the judged month, given the cycle month's round results already read.</summary>
    public async Task<IReadOnlyList<AttendanceBreach>> BreachesAsync(
        string cycleMonth, IReadOnlyList<InspectionResult> round, IReadOnlySet<string> units, CancellationToken cancellationToken)
    {
        var records = await attendance.ListAsync(JudgedMonth(cycleMonth), breachesOnly: false, unitId: null, cancellationToken);
        return AttendanceJudgement.Breaches(round, records.Where(r => units.Contains(r.UnitId)), MinimumDaysOnSite);
    }

    /// <summary>The people short in the month before the judged one (judged by the previous cycle): a second month proposes recall.</summary>
    public async Task<IReadOnlySet<string?>> BreachedBeforeAsync(
        string cycleMonth, IReadOnlySet<string> units, IReadOnlySet<string> teams, CancellationToken cancellationToken)
    {
        var previousCycle = JudgedMonth(cycleMonth);
        var round = (await results.ListByMonthAsync(previousCycle, cancellationToken)).Where(r => teams.Contains(r.TeamId)).ToList();
        return (await BreachesAsync(previousCycle, round, units, cancellationToken)).Select(b => b.PersonId).ToHashSet(StringComparer.Ordinal);
    }
}
