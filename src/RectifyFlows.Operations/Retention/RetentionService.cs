using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Operations;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Telemetry;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Operations.Retention;

/// <summary>
/// Purges what a district running for years would otherwise keep without bound (docs/operations.md, "Retention"):
/// webhook event ids past the replay window, completed ladders of closed items, and delivered messages. Never what an
/// open item still needs: a ladder of an open item is kept, and so is every sent message of an open item, because a
/// rebuilt ladder re-fires its latest step and the kept row is what makes that a no-op (same idempotency key).
/// Cycles, archived reports, the ledger and every audit row are kept for good. One audit row per pass.
/// </summary>
public sealed partial class RetentionService(
    DurableTaskClient client, OpenItems openItems, FeatureTables tables, OutboxRepository outbox, OperationsLog log,
    IOptions<OperationsOptions> options, ILogger<RetentionService> logger)
{
    private const int Parallelism = 8;

    public async Task<RetentionReport> PurgeAsync(DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        using var activity = RectifyFlowsMetrics.ActivitySource.StartActivity("retention");
        var retention = options.Value.Retention;
        var openItemList = await openItems.ReadAsync(cancellationToken);
        var open = openItemList.Select(i => (i.Item.Kind, i.Item.Id)).ToHashSet();
        var openLadders = openItemList.Select(i => i.Item.EscalationInstanceId).ToHashSet(StringComparer.Ordinal);
        long kept = 0;

        var webhookEvents = await DeleteAsync(tables.WebhookEvents,
            TableClient.CreateQueryFilter($"ReceivedAt lt {now.AddDays(-retention.WebhookEventDays)}"), _ => true, cancellationToken);

        long orchestrations = 0;
        var ladderCutoff = now.AddDays(-retention.OrchestrationHistoryDays);
        var finished = new OrchestrationQuery
        {
            InstanceIdPrefix = ItemRef.EscalationInstancePrefix,
            Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
        };
        var purgeable = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(finished).WithCancellation(cancellationToken))
        {
            if (instance.LastUpdatedAt >= ladderCutoff)
            {
                continue;
            }

            if (openLadders.Contains(instance.InstanceId))
            {
                kept++;
                continue;
            }

            purgeable.Add(instance.InstanceId);
        }

        await Parallel.ForEachAsync(purgeable, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (instanceId, ct) =>
            {
                var result = await client.PurgeInstanceAsync(instanceId, cancellation: ct);
                Interlocked.Add(ref orchestrations, result.PurgedInstanceCount);
            });

        var keptMessages = new ConcurrentBag<bool>();
        var sentMessages = await DeleteAsync(outbox.Table,
            TableClient.CreateQueryFilter($"Status eq {OutboxStatus.Sent} and SentAt lt {now.AddDays(-retention.SentOutboxDays)}"),
            row =>
            {
                if (OfOpenItem(row.GetString("Json"), open))
                {
                    keptMessages.Add(true);
                    return false;
                }

                return true;
            }, cancellationToken);
        kept += keptMessages.Count;

        var report = new RetentionReport(webhookEvents, orchestrations, sentMessages, kept);
        RectifyFlowsMetrics.Purge("webhookEvents", webhookEvents);
        RectifyFlowsMetrics.Purge("orchestrations", orchestrations);
        RectifyFlowsMetrics.Purge("sentMessages", sentMessages);
        await log.WriteStoreAsync(
            OperationsLog.RetentionKind, "purge", actor,
            $"按保留期限清理：Webhook 事件 {webhookEvents} 条，已完成流程 {orchestrations} 个，已发送消息 {sentMessages} 条；为未办结事项保留 {kept} 项",
            new Dictionary<string, string?[]>
            {
                ["webhookEvents"] = [null, webhookEvents.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["orchestrations"] = [null, orchestrations.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["sentMessages"] = [null, sentMessages.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            }, cancellationToken);
        LogPurged(webhookEvents, orchestrations, sentMessages, kept);
        return report;
    }

    /// <summary>An escalation step's message (<see cref="MessageKeys.EscalationStep"/>) of an item still open is kept.</summary>
    private static bool OfOpenItem(string? json, HashSet<(string Kind, string Id)> open) =>
        !string.IsNullOrEmpty(json)
        && MessageKeys.EscalationItemOf(RowJson.Deserialize<OutboxMessage>(json).IdempotencyKey) is { } item
        && open.Contains(item);

    /// <summary>Deletes the rows matching the filter that <paramref name="purge"/> accepts (ETag-guarded: a row changed meanwhile stays).</summary>
    private static async Task<long> DeleteAsync(TableClient table, string filter, Func<TableEntity, bool> purge, CancellationToken cancellationToken)
    {
        var doomed = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (purge(row))
            {
                doomed.Add(row);
            }
        }

        long deleted = 0;
        await Parallel.ForEachAsync(doomed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                try
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                    Interlocked.Increment(ref deleted);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // Gone already, or changed since it was read: left for the next pass.
                }
            });
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {WebhookEvents} webhook events, {Orchestrations} orchestrations, {Sent} sent messages purged; {Kept} kept for open items")]
    private partial void LogPurged(long webhookEvents, long orchestrations, long sent, long kept);
}
