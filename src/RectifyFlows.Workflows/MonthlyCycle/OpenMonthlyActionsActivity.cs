using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Handling (一处理) for one office: opens the actions the month's findings call for and starts their shared ladder.
/// Attendance (<see cref="MonthlyAttendance"/>: month M−1's, found by a team or reported by the township alike):
/// public criticism and award disqualification of the cadre, and recall when the month before was short too
/// (rule 7). A high-severity finding: a call-in of the unit's principal; medium: criticism (of the person when named).
/// Action ids derive from the month, kind, unit and person, so a rerun opens nothing twice.
/// </summary>
public sealed class OpenMonthlyActionsActivity(
    InspectionResultRepository results,
    ActionRepository actions,
    EscalationStarter escalations,
    OfficeDirectory offices,
    MonthlyAttendance attendance,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : WorkflowActivity<OfficePeriod, int>
{
    protected override async Task<int> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var month = input.Period;
        var source = input.InstanceId(CycleKind.Monthly);
        var due = ChinaTime.Today(time).AddDays(options.Value.ActionDueDays);
        var now = time.GetUtcNow();
        var office = await offices.GetAsync(input.OfficeId, ct);
        var teams = (office?.TeamIds ?? []).ToHashSet(StringComparer.Ordinal);
        var units = await offices.UnitIdsAsync(input.OfficeId, ct);

        var round = (await results.ListByMonthAsync(month, ct)).Where(r => teams.Contains(r.TeamId)).ToList();
        var breaches = await attendance.BreachesAsync(month, round, units, ct);
        var breachedBefore = await attendance.BreachedBeforeAsync(month, units, teams, ct);
        var judged = MonthlyAttendance.JudgedMonth(month);

        AccountabilityAction Action(ActionKind kind, string unitId, string? personId, string reason) => new()
        {
            Id = Id(month, kind, unitId, personId),
            UnitId = unitId,
            PersonId = personId,
            Kind = kind,
            Reason = reason,
            Source = source,
            DueDate = due,
            OpenedAt = now,
        };

        var wanted = new List<AccountabilityAction>();
        foreach (var breach in breaches)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{judged}驻村{breach.DaysOnSite}天，不足{attendance.MinimumDaysOnSite}天（{ReportTerms.Attendance(breach.Source)}）：{breach.Detail}");
            wanted.AddRange(Handling(breach, breachedBefore).Select(kind => Action(kind, breach.UnitId, breach.PersonId, reason)));
        }

        foreach (var result in round)
        {
            foreach (var finding in result.Findings.Where(f => f.Kind != "attendance"))
            {
                wanted.AddRange(Handling(finding, breachedBefore).Select(kind => Action(kind, result.UnitId, finding.PersonId, $"{month}督查发现：{finding.Subject}")));
            }
        }

        // One ladder for all of them (they share the source and the due date), not one each.
        await escalations.OpenWithSharedLaddersAsync(actions, wanted, ct);

        return (await actions.ListBySourceAsync(source, wanted.Select(a => a.UnitId), ct)).Count;
    }

    /// <summary>The handling of an attendance breach, the same whoever made it known: recall on the second month in a row.</summary>
    public static IEnumerable<ActionKind> Handling(AttendanceBreach breach, IReadOnlySet<string?> breachedMonthBefore)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(breachedMonthBefore);
        yield return ActionKind.PublicCriticism;
        yield return ActionKind.AwardDisqualification;
        if (breach.PersonId is not null && breachedMonthBefore.Contains(breach.PersonId))
        {
            yield return ActionKind.Recall;
        }
    }

    /// <summary>The configured handling of one finding (attendance judged against the report's 20 days).</summary>
    public static IEnumerable<ActionKind> Handling(Finding finding, IReadOnlySet<string?> breachedLastMonth)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(breachedLastMonth);
        if (AttendanceRule.IsBreach(finding))
        {
            return Handling(new AttendanceBreach(finding.PersonId, string.Empty, finding.DaysOnSite!.Value, AttendanceSource.Team, finding.Detail), breachedLastMonth);
        }

        return finding switch
        {
            // Attendance is judged by days on site alone (rule 7); enough days calls for nothing.
            { Kind: "attendance" } => [],
            { Severity: "high" } => [ActionKind.CallIn],
            { Severity: "medium", PersonId: null } => [ActionKind.PublicCriticism],
            { Severity: "medium" } => [ActionKind.AdmonitionTalk],
            _ => [],
        };
    }

    private static string Id(string month, ActionKind kind, string unitId, string? personId) => ActionIds.Monthly(month, kind, unitId, personId);
}
