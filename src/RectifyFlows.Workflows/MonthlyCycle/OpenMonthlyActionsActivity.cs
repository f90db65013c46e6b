using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Handling (一处理): opens the actions the month's findings call for and starts each one's ladder. Attendance below
/// 20 days: public criticism and award disqualification of the cadre, and recall when the previous month was short
/// too (rule 7); other attendance findings call for nothing. A high-severity finding: a call-in of the unit's principal; medium: criticism (of the person when
/// named). Action ids derive from the month, kind, unit and person, so a rerun opens nothing twice.
/// </summary>
public sealed class OpenMonthlyActionsActivity(
    InspectionResultRepository results,
    ActionRepository actions,
    EscalationStarter escalations,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : TaskActivity<string, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var source = CyclePeriods.InstanceId(CycleKind.Monthly, input);
        var due = ChinaTime.Today(time).AddDays(options.Value.ActionDueDays);
        var now = time.GetUtcNow();
        if (!CyclePeriods.TryParseMonth(input, out var first))
        {
            throw new ArgumentException($"'{input}' is not a month (yyyy-MM).", nameof(input));
        }

        var previousBreaches = (await results.ListByMonthAsync(CyclePeriods.Month(first.AddMonths(-1)), ct))
            .SelectMany(r => r.Findings).Where(AttendanceRule.IsBreach).Select(f => f.PersonId).ToHashSet(StringComparer.Ordinal);

        var wanted = new List<AccountabilityAction>();
        foreach (var result in await results.ListByMonthAsync(input, ct))
        {
            foreach (var finding in result.Findings)
            {
                foreach (var kind in Handling(finding, previousBreaches))
                {
                    wanted.Add(new AccountabilityAction
                    {
                        Id = Id(input, kind, result.UnitId, finding.PersonId),
                        UnitId = result.UnitId,
                        PersonId = finding.PersonId,
                        Kind = kind,
                        Reason = AttendanceRule.IsBreach(finding)
                            ? string.Create(CultureInfo.InvariantCulture, $"{input}驻村{finding.DaysOnSite}天，不足{AttendanceRule.MinimumDaysOnSite}天：{finding.Subject}")
                            : $"{input}督查发现：{finding.Subject}",
                        Source = source,
                        DueDate = due,
                        OpenedAt = now,
                    });
                }
            }
        }

        // Each action gets its own ladder; starting them is the bulk of this step for a province, so in parallel.
        await Parallel.ForEachAsync(wanted.DistinctBy(a => a.Id), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (action, token) =>
            {
                await escalations.OpenWithLadderAsync(actions, action, token);
            });

        return (await actions.ListAsync(null, null, null, source, ct)).Count;
    }

    /// <summary>The configured handling of one finding.</summary>
    public static IEnumerable<ActionKind> Handling(Finding finding, IReadOnlySet<string?> breachedLastMonth)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(breachedLastMonth);
        if (AttendanceRule.IsBreach(finding))
        {
            yield return ActionKind.PublicCriticism;
            yield return ActionKind.AwardDisqualification;
            if (finding.PersonId is not null && breachedLastMonth.Contains(finding.PersonId))
            {
                yield return ActionKind.Recall;
            }
        }
        else if (finding.Kind == "attendance")
        {
            // Attendance is judged by days on site alone (rule 7); 20 days or more calls for nothing.
            yield break;
        }
        else if (finding.Severity == "high")
        {
            yield return ActionKind.CallIn;
        }
        else if (finding.Severity == "medium")
        {
            yield return finding.PersonId is null ? ActionKind.PublicCriticism : ActionKind.AdmonitionTalk;
        }
    }

    private static string Id(string month, ActionKind kind, string unitId, string? personId) =>
        $"monthly-{month}-{kind.ToString().ToLowerInvariant()}-{unitId}" + (personId is null ? string.Empty : $"-{personId}");
}
