using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// Makes sure a ladder runs and knows about the latest change: starts it when there is none (or the last one
/// finished), otherwise raises <see cref="EscalationEvents.ItemChanged"/> so it reloads. Called after every change that
/// can stop, restart or move an item's own ladder, and for the actions a cycle step opens (one shared ladder, ADR 0020).
/// </summary>
public sealed partial class EscalationStarter(DurableTaskClient client, ILogger<EscalationStarter> logger)
{
    /// <summary>Makes sure the item's own ladder runs (an item on a shared ladder: <see cref="EnsureSharedAsync"/>).</summary>
    public Task EnsureAsync(ItemRef item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Ladder is not null)
        {
            throw new ArgumentException($"'{item.Id}' is on the shared ladder '{item.Ladder}': ensure it with all its members.", nameof(item));
        }

        return EnsureAsync(item.EscalationInstanceId, nameof(EscalationOrchestrator), new EscalationInput(item), cancellationToken);
    }

    /// <summary>Makes sure a shared ladder runs with these members (a running one reloads them).</summary>
    public Task EnsureSharedAsync(SharedLadderInput ladder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return EnsureAsync(ladder.Ladder, nameof(SharedLadderOrchestrator), ladder, cancellationToken);
    }

    /// <summary>
    /// Starts the ladder of an item that cannot have one yet (just created), without the status read of
    /// <see cref="EnsureAsync(ItemRef, CancellationToken)"/>; should one exist after all (a retried step), falls back to it.
    /// </summary>
    public Task StartNewAsync(ItemRef item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return StartNewAsync(item.EscalationInstanceId, nameof(EscalationOrchestrator), new EscalationInput(item),
            () => EnsureAsync(item, cancellationToken), cancellationToken);
    }

    /// <summary>Starts a shared ladder whose members were all just opened; falls back to <see cref="EnsureSharedAsync"/>.</summary>
    public Task StartSharedAsync(SharedLadderInput ladder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return StartNewAsync(ladder.Ladder, nameof(SharedLadderOrchestrator), ladder, () => EnsureSharedAsync(ladder, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Tells the ladder an action is on (its own, or the one it shares) that the action changed, so a running ladder
    /// reloads now and drops it if done. No ladder running: nothing to tell, and none is started (a done action needs
    /// none; an open one without a ladder is the doctor's to rebuild). Best effort: the change is stored already, and a
    /// ladder that misses the event finds the action closed at its next step.
    /// </summary>
    public async Task NotifyChangedAsync(AccountabilityAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (instanceId, orchestrator) = action.Ladder is { } shared
            ? (shared, nameof(SharedLadderOrchestrator))
            : (ItemRef.Action(action.UnitId, action.Id).EscalationInstanceId, nameof(EscalationOrchestrator));
        try
        {
            var existing = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (existing is not null && !IsFinished(existing.RuntimeStatus))
            {
                await client.RaiseEventAsync(instanceId, EscalationEvents.ItemChanged, orchestrator, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifyFailed(instanceId, ex.Message);
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

    private async Task EnsureAsync(string instanceId, string orchestrator, object input, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (existing is not null && !IsFinished(existing.RuntimeStatus))
            {
                await client.RaiseEventAsync(instanceId, EscalationEvents.ItemChanged, orchestrator, cancellationToken);
                return;
            }

            try
            {
                if (existing is not null)
                {
                    await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
                }

                await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
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

    private async Task StartNewAsync(string instanceId, string orchestrator, object input, Func<Task> ensure, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
            LogStarted(instanceId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRaced(instanceId, ex.Message);
            await ensure();
        }
    }

    private static bool IsFinished(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    [LoggerMessage(Level = LogLevel.Information, Message = "Started escalation {InstanceId}")]
    private partial void LogStarted(string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {InstanceId} was not told of a change (it finds it at its next step): {Reason}")]
    private partial void LogNotifyFailed(string instanceId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Escalation {InstanceId} was started concurrently: {Reason}")]
    private partial void LogRaced(string instanceId, string reason);
}
