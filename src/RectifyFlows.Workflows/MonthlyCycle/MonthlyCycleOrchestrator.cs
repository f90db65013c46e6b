using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// 一督查、一通报、一处理 (domain rule 4) for one issuing office (<c>monthly-{officeId}-2017-03</c>). Open: ask every supervision team to inspect. Collecting: wait for their
/// results as external events, raced against a durable timer for the window; end early when every team reported.
/// Bulletin: compile and send it. Handling: open the actions the findings call for, each with its own ladder.
/// Report: archive the monthly report. Results reach it relayed by <see cref="OfficeCyclesOrchestrator"/>, which it tells when it ends. The custom status shows the phase and counts throughout.
/// </summary>
public sealed class MonthlyCycleOrchestrator : CycleOrchestrator<MonthlyCycleInput>
{
    protected override async Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, MonthlyCycleInput input)
    {
        var round = await steps.RunAsync<MonthlyRound>(CyclePhases.Open, nameof(OpenMonthlyRoundActivity), input.Office);
        var reported = new HashSet<string>(round.AlreadyReported.Intersect(round.Teams), StringComparer.Ordinal);
        steps.Show(status => status with
        {
            Phase = CyclePhases.Collecting, Teams = round.Teams.Count, TeamsReported = reported.Count, WindowClosesAt = round.WindowClosesAt,
        });

        // One timer for the whole window, raced against each result in turn (not a new timer per result).
        using var windowCancellation = new CancellationTokenSource();
        var window = context.CreateTimer(round.WindowClosesAt.UtcDateTime, windowCancellation.Token);
        while (reported.Count < round.Teams.Count && !window.IsCompleted)
        {
            using var eventCancellation = new CancellationTokenSource();
            var arrived = context.WaitForExternalEvent<InspectionResultEvent>(InspectionResultEvent.Name, eventCancellation.Token);
            if (await Task.WhenAny(window, arrived) == window)
            {
                eventCancellation.Cancel();
                break;
            }

            var result = await arrived;
            if (round.Teams.Contains(result.TeamId, StringComparer.Ordinal))
            {
                reported.Add(result.TeamId);
            }

            steps.Show(status => status with { TeamsReported = reported.Count });
        }

        if (!window.IsCompleted)
        {
            windowCancellation.Cancel();
        }

        var bulletin = await steps.RunAsync<MonthlySummary>(CyclePhases.Bulletin, nameof(SendMonthlyBulletinActivity), input.Office);
        steps.Show(status => status with { Findings = bulletin.Findings + bulletin.AttendanceBreaches, MessagesWritten = bulletin.MessagesWritten });
        var opened = await steps.RunAsync<int>(CyclePhases.Handling, nameof(OpenMonthlyActionsActivity), input.Office);
        steps.Show(status => status with { ActionsOpened = opened });
        await steps.RunAsync<MonthlySummary>(CyclePhases.Report, nameof(ArchiveMonthlyReportActivity), input.Office);
        return steps.Done(CycleKind.Monthly, input.Office);
    }
}
