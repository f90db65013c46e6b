using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// Whether a cycle instance is running, remembered for a short while, so the intake wakes a collecting cycle without a
/// durable status read per request (a status read is a query of the task hub's Instances table through the sidecar).
/// A start by this process (<see cref="CycleStarter"/>) is known at once; a start or an end in another process is
/// seen within <see cref="NotRunningFor"/> or <see cref="RunningFor"/>. Both errors are harmless: an event raised into
/// an instance that has just ended is discarded by the engine, and a result not raised into a cycle that has just
/// started is stored all the same, so the cycle counts it when it reads the month's results.
/// </summary>
public sealed class RunningCycles(TimeProvider time)
{
    /// <summary>How long "running" is believed: raising into an instance that has ended meanwhile costs one discarded message.</summary>
    public static readonly TimeSpan RunningFor = TimeSpan.FromSeconds(60);

    /// <summary>How long "not running" is believed: a cycle another process starts is woken by results after at most this.</summary>
    public static readonly TimeSpan NotRunningFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Running or pending, from memory while fresh; otherwise one status read, shared by the callers waiting for it.</summary>
    public async Task<bool> IsRunningAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(instanceId, out var entry) && (!entry.Running.IsCompleted || now - entry.At < entry.FreshFor))
        {
            return await entry.Running.WaitAsync(cancellationToken);
        }

        var read = ReadAsync(client, instanceId);
        var fresh = new Entry(read, now);
        _entries.AddOrUpdate(instanceId, fresh, (_, old) => ReferenceEquals(old, entry) ? fresh : old);
        return await _entries[instanceId].Running.WaitAsync(cancellationToken);
    }

    /// <summary>This process has just started (scheduled) the instance.</summary>
    public void Started(string instanceId) => _entries[instanceId] = new Entry(Task.FromResult(true), time.GetUtcNow());

    private async Task<bool> ReadAsync(DurableTaskClient client, string instanceId)
    {
        try
        {
            var metadata = await client.GetInstanceAsync(instanceId, CancellationToken.None);
            return metadata?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending;
        }
        catch
        {
            // Not remembered: the next caller reads again.
            _entries.TryRemove(instanceId, out _);
            throw;
        }
    }

    private sealed record Entry(Task<bool> Running, DateTimeOffset At)
    {
        public TimeSpan FreshFor => Running.IsCompletedSuccessfully && Running.Result ? RunningFor : NotRunningFor;
    }
}
