using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Telemetry;

namespace RectifyFlows.Operations.Telemetry;

/// <summary>
/// Samples the outbox's depth (by channel) and the age of its oldest waiting message into the product's gauges. Reads
/// only the pending index, which holds one small row per undelivered message, never the outbox itself.
/// </summary>
public sealed class OutboxGaugeSampler(OutboxRepository outbox, TimeProvider time)
{
    public async Task<(IReadOnlyDictionary<string, long> DepthByChannel, TimeSpan OldestAge)> SampleAsync(CancellationToken cancellationToken)
    {
        var depth = new SortedDictionary<string, long>(StringComparer.Ordinal);
        DateTimeOffset? oldest = null;
        await foreach (var row in outbox.PendingTable.QueryAsync<PendingIndexEntity>(cancellationToken: cancellationToken))
        {
            depth[row.Channel] = depth.GetValueOrDefault(row.Channel) + 1;
            oldest = oldest is null || row.CreatedAt < oldest ? row.CreatedAt : oldest;
        }

        var age = oldest is { } first ? time.GetUtcNow() - first : TimeSpan.Zero;
        RectifyFlowsMetrics.ObserveOutbox(depth, age);
        return (depth, age);
    }
}
