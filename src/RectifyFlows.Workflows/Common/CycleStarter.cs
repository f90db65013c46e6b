using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RectifyFlows.Workflows.MonthlyCycle;
using RectifyFlows.Workflows.QuarterlyEvaluation;
using RectifyFlows.Workflows.TenDayReport;
using RectifyFlows.Workflows.WeeklyDispatch;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// Starts a cycle under its deterministic instance id (<c>monthly-2017-03</c>…): a schedule that fires twice, a manual
/// start and a start-up catch-up all find the same instance and start nothing new. That instance runs every issuing
/// office's own cycle (<c>monthly-{officeId}-2017-03</c>, <see cref="OfficeCyclesOrchestrator"/>).
/// </summary>
public sealed partial class CycleStarter(DurableTaskClient client, RunningCycles running, ILogger<CycleStarter> logger)
{
    /// <summary>Starts the cycle unless an instance exists; returns the instance id and whether this call created it.</summary>
    public Task<(string InstanceId, bool Created)> StartAsync(CycleKind kind, string period, CancellationToken cancellationToken) =>
        StartInstanceAsync(nameof(OfficeCyclesOrchestrator), new CycleRun(kind, period), CyclePeriods.InstanceId(kind, period), cancellationToken);

    /// <summary>Starts one office's cycle of the period (<c>monthly-{officeId}-2017-03</c>) unless it exists.</summary>
    public Task<(string InstanceId, bool Created)> StartOfficeAsync(CycleKind kind, string period, string officeId, CancellationToken cancellationToken) =>
        StartInstanceAsync(OfficeOrchestratorOf(kind), OfficeInput(kind, period, officeId), CyclePeriods.InstanceId(kind, period, officeId), cancellationToken);

    private async Task<(string InstanceId, bool Created)> StartInstanceAsync(TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return (instanceId, false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input,
                new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started concurrently by another caller (a double fire): that instance is the one.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                throw;
            }

            return (instanceId, false);
        }

        running.Started(instanceId);
        LogStarted(instanceId);
        return (instanceId, true);
    }

    /// <summary>
    /// Starts the periods missed after the last one that ran, oldest first (<paramref name="periods"/> oldest first);
    /// when none of them ran (a new installation) only the latest. Quarters run one after another, each waited for,
    /// because a quarter's strikes build on the quarter before it. Returns the instances this call created.
    /// </summary>
    public async Task<IReadOnlyList<string>> CatchUpAsync(CycleKind kind, IReadOnlyList<string> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var missed = new List<string>();
        for (var i = periods.Count - 1; i >= 0; i--)
        {
            if (await client.GetInstanceAsync(CyclePeriods.InstanceId(kind, periods[i]), cancellationToken) is not null)
            {
                break;
            }

            missed.Insert(0, periods[i]);
        }

        if (missed.Count == periods.Count && missed.Count > 1)
        {
            missed = [missed[^1]];
        }

        var created = new List<string>();
        foreach (var period in missed)
        {
            var (instanceId, isNew) = await StartAsync(kind, period, cancellationToken);
            if (isNew)
            {
                created.Add(instanceId);
            }

            if (kind == CycleKind.Quarterly && period != missed[^1])
            {
                await client.WaitForInstanceCompletionAsync(instanceId, cancellationToken);
            }
        }

        return created;
    }

    public Task<OrchestrationMetadata?> GetAsync(CycleKind kind, string period, CancellationToken cancellationToken) =>
        client.GetInstanceAsync(CyclePeriods.InstanceId(kind, period), getInputsAndOutputs: true, cancellationToken);

    /// <summary>One office's cycle of the period (<c>monthly-{officeId}-2017-03</c>), or null when it never ran.</summary>
    public Task<OrchestrationMetadata?> GetOfficeAsync(CycleKind kind, string period, string officeId, CancellationToken cancellationToken) =>
        client.GetInstanceAsync(CyclePeriods.InstanceId(kind, period, officeId), getInputsAndOutputs: true, cancellationToken);

    /// <summary>The orchestrator of one office's cycle of the kind.</summary>
    public static TaskName OfficeOrchestratorOf(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => nameof(MonthlyCycleOrchestrator),
        CycleKind.Weekly => nameof(WeeklyDispatchOrchestrator),
        CycleKind.Quarterly => nameof(QuarterlyEvaluationOrchestrator),
        CycleKind.TenDay => nameof(TenDayReportOrchestrator),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The input of one office's cycle of the kind.</summary>
    public static object OfficeInput(CycleKind kind, string period, string officeId) =>
        kind == CycleKind.Monthly ? new MonthlyCycleInput(period, officeId) : new OfficePeriod(officeId, period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started cycle {InstanceId}")]
    private partial void LogStarted(string instanceId);
}
