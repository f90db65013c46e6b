using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// Makes sure an item's ladder runs and knows about the latest change: starts it when there is none (or the last one
/// finished), otherwise raises <see cref="EscalationEvents.ItemChanged"/> so it reloads the item. Called after every
/// change that can stop, restart or move a ladder, and for every opened action.
/// </summary>
public sealed partial class EscalationStarter(DurableTaskClient client, ILogger<EscalationStarter> logger)
{
    public async Task EnsureAsync(ItemRef item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var instanceId = item.EscalationInstanceId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (existing is not null && !IsFinished(existing.RuntimeStatus))
            {
                await client.RaiseEventAsync(instanceId, EscalationEvents.ItemChanged, item.Kind, cancellationToken);
                return;
            }

            try
            {
                if (existing is not null)
                {
                    await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
                }

                await client.ScheduleNewOrchestrationInstanceAsync(nameof(EscalationOrchestrator), new EscalationInput(item),
                    new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
                LogStarted(instanceId);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another caller started it between our read and our start: look again and raise the event instead.
                LogRaced(instanceId, ex.Message);
            }
        }
    }

    /// <summary>
    /// Starts the ladder of an item that cannot have one yet (just created), without the status read of
    /// <see cref="EnsureAsync"/>; should one exist after all (a retried step), falls back to it.
    /// </summary>
    public async Task StartNewAsync(ItemRef item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(EscalationOrchestrator), new EscalationInput(item),
                new StartOrchestrationOptions { InstanceId = item.EscalationInstanceId }, cancellationToken);
            LogStarted(item.EscalationInstanceId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRaced(item.EscalationInstanceId, ex.Message);
            await EnsureAsync(item, cancellationToken);
        }
    }

    /// <summary>Starts ladders for items that have none yet (start-up catch-up, new measures); running ones are left alone.</summary>
    public async Task<int> EnsureStartedAsync(IEnumerable<ItemRef> items, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var item in items)
        {
            var existing = await client.GetInstanceAsync(item.EscalationInstanceId, cancellationToken);
            if (existing is null)
            {
                await EnsureAsync(item, cancellationToken);
                started++;
            }
        }

        return started;
    }

    private static bool IsFinished(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    [LoggerMessage(Level = LogLevel.Information, Message = "Started escalation {InstanceId}")]
    private partial void LogStarted(string instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Escalation {InstanceId} was started concurrently: {Reason}")]
    private partial void LogRaced(string instanceId, string reason);
}
