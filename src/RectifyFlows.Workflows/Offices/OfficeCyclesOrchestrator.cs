using Microsoft.DurableTask;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// A period of a cycle across offices (instance <c>monthly-2017-03</c>, the one the schedules, the catch-up and
/// <c>POST /api/cycles</c> start): runs each issuing office's own cycle as a sub-orchestration under its deterministic
/// id (<c>monthly-{officeId}-2017-03</c>), relays each inspection result raised into it to the office whose team sent
/// it, then archives the roll-up report across offices. Its status sums the offices' counts.
/// </summary>
public sealed class OfficeCyclesOrchestrator : TaskOrchestrator<CycleRun, CycleStatus>
{
    public override async Task<CycleStatus> RunAsync(TaskOrchestrationContext context, CycleRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new CycleStatus { Phase = "Offices" };
        context.SetCustomStatus(status);
        var offices = await context.CallActivityAsync<IReadOnlyList<Office>>(nameof(ListOfficesActivity), input, ActivityRetry.Options);
        status = status with { Offices = [.. offices.Select(o => o.Id)] };
        context.SetCustomStatus(status);

        var runs = offices.Select(office => context.CallSubOrchestratorAsync<CycleStatus>(
            CycleStarter.OfficeOrchestratorOf(input.Kind), CycleStarter.OfficeInput(input.Kind, input.Period, office.Id),
            new SubOrchestrationOptions { InstanceId = CyclePeriods.InstanceId(input.Kind, input.Period, office.Id) })).ToList();
        var all = Task.WhenAll(runs);
        if (input.Kind == CycleKind.Monthly)
        {
            await RelayResultsAsync(context, input.Period, offices, all);
        }

        var results = await all;
        status = Sum(status with { Phase = "RollUp" }, results);
        context.SetCustomStatus(status);
        await context.CallActivityAsync<int>(nameof(ArchiveRollUpActivity), new RollUpInput(input.Kind, input.Period, [.. offices.Select(o => o.Id)]), ActivityRetry.Options);

        status = status with { Phase = "Done" };
        context.SetCustomStatus(status);
        return status;
    }

    /// <summary>
    /// Inspection results are raised into this instance (the intake knows the month, not the office); each goes on to
    /// the cycle of the office whose team sent it. A result the office cycle misses is still read from storage when its
    /// bulletin is built; only the early end of its window depends on the event.
    /// </summary>
    private static async Task RelayResultsAsync(TaskOrchestrationContext context, string month, IReadOnlyList<Office> offices, Task all)
    {
        while (!all.IsCompleted)
        {
            using var cancellation = new CancellationTokenSource();
            var arrived = context.WaitForExternalEvent<InspectionResultEvent>(InspectionResultEvent.Name, cancellation.Token);
            if (await Task.WhenAny(all, arrived) != arrived)
            {
                cancellation.Cancel();
                return;
            }

            var result = await arrived;
            foreach (var office in offices.Where(o => o.TeamIds.Contains(result.TeamId, StringComparer.Ordinal)))
            {
                context.SendEvent(CyclePeriods.InstanceId(CycleKind.Monthly, month, office.Id), InspectionResultEvent.Name, result);
            }
        }
    }

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
