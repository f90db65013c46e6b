using Microsoft.DurableTask;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// A period of a cycle across offices (instance <c>monthly-2017-03</c>, the one the schedules, the catch-up and
/// <c>POST /api/cycles</c> start): starts each issuing office's own cycle under its deterministic id
/// (<c>monthly-{officeId}-2017-03</c>), relays each inspection result raised into it to the office whose team sent
/// it, waits until every office's cycle reported its end (<see cref="OfficeCycleDone"/>), then archives the roll-up
/// report across offices. Its status sums the offices' counts.
/// </summary>
public sealed class OfficeCyclesOrchestrator : CycleOrchestrator<CycleRun>
{
    protected override async Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, CycleRun input)
    {
        var offices = await steps.RunAsync<IReadOnlyList<Office>>(CyclePhases.Offices, nameof(ListOfficesActivity), input);
        var run = new RollUpInput(input.Kind, input.Period, [.. offices.Select(o => o.Id)]);
        steps.Show(status => status with { Offices = run.OfficeIds });
        await context.CallActivityAsync<int>(nameof(StartOfficeCyclesActivity), run, ActivityRetry.Options);

        var done = new Dictionary<string, CycleStatus>(StringComparer.Ordinal);
        while (done.Count < offices.Count)
        {
            using var cancellation = new CancellationTokenSource();
            var finished = context.WaitForExternalEvent<OfficeCycleDone>(OfficeCycleDone.Name, cancellation.Token);
            var result = input.Kind == CycleKind.Monthly
                ? context.WaitForExternalEvent<InspectionResultEvent>(InspectionResultEvent.Name, cancellation.Token)
                : null;
            var first = result is null ? finished : await Task.WhenAny(finished, result);
            if (first == finished)
            {
                var office = await finished;
                done[office.OfficeId] = office.Status;
            }
            else
            {
                // Results are raised into this instance (the intake knows the month, not the office): on to the office whose team sent it.
                var arrived = await result!;
                foreach (var office in offices.Where(o => o.TeamIds.Contains(arrived.TeamId, StringComparer.Ordinal)))
                {
                    context.SendEvent(CyclePeriods.InstanceId(CycleKind.Monthly, input.Period, office.Id), InspectionResultEvent.Name, arrived);
                }
            }

            cancellation.Cancel();
        }

        steps.Show(status => Sum(status, done.Values));
        await steps.RunAsync<int>(CyclePhases.RollUp, nameof(ArchiveRollUpActivity), run);
        return steps.Show(status => status with { Phase = CyclePhases.Done });
    }

    /// <summary>The period's status with the offices' counts summed.</summary>
    public static CycleStatus Sum(CycleStatus status, IEnumerable<CycleStatus?> offices)
    {
        ArgumentNullException.ThrowIfNull(status);
        var list = offices.Where(o => o is not null).Select(o => o!).ToList();
        return status with
        {
            Teams = list.Sum(o => o.Teams),
            TeamsReported = list.Sum(o => o.TeamsReported),
            Findings = list.Sum(o => o.Findings),
            ActionsOpened = list.Sum(o => o.ActionsOpened),
            MessagesWritten = list.Sum(o => o.MessagesWritten),
            WindowClosesAt = list.Max(o => o.WindowClosesAt),
        };
    }
}
