using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Notifications.Outbox;

/// <summary>
/// The outbox table (PK recipient id, RK hash of the idempotency key) and its pending index (see
/// <see cref="PendingIndexEntity"/>). The key decides the row, so a second write of the same message is a 409 and is
/// skipped: send-once holds even when the writing activity runs twice. The index row is written first, so a crash
/// between the two writes leaves an index row without a message (dropped by the dispatcher), never a message the
/// dispatcher cannot find.
/// </summary>
public sealed class OutboxRepository(Azure.Data.Tables.TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time)
    : INotificationPort
{
    /// <summary>Pending index partitions: the first hex digit of the index row key.</summary>
    public const int Buckets = 16;

    /// <summary>How long an index row may wait for its outbox row (a writer in flight) before it is taken for an orphan.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(5);

    public TableClient Table { get; } = service.GetTableClient(options.Value.TablePrefix + "Outbox");
    public TableClient PendingTable { get; } = service.GetTableClient(options.Value.TablePrefix + "OutboxPending");

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        await PendingTable.CreateIfNotExistsAsync(cancellationToken);
    }

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        var written = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                var rowKey = RowKeyOf(message.IdempotencyKey);
                var pending = message.Status == OutboxStatus.Pending;
                if (pending)
                {
                    await AddIgnoringConflictAsync(PendingTable, IndexOf(message.RecipientId, rowKey, message.Channel, now, message.DigestKey), ct);
                }

                var stored = message with { CreatedAt = message.CreatedAt == default ? now : message.CreatedAt };
                if (await AddIgnoringConflictAsync(Table, new OutboxRow
                {
                    PartitionKey = message.RecipientId,
                    RowKey = rowKey,
                    Kind = message.Kind,
                    Status = message.Status,
                    UnitId = message.RecipientId,
                    Json = RowJson.Serialize(stored),
                    Channel = message.Channel,
                    Attempts = message.Attempts,
                    NextAttemptAt = pending ? now : null,
                    DigestKey = message.DigestKey,
                }, ct))
                {
                    Interlocked.Increment(ref written);
                }
            });
        return written;
    }

    /// <summary>Up to <paramref name="max"/> index rows due at <paramref name="now"/>, earliest first (one query per bucket).</summary>
    public async Task<IReadOnlyList<PendingIndexEntity>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<PendingIndexEntity>();
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var partition = BucketOf(bucket);
            var taken = 0;
            await foreach (var row in PendingTable.QueryAsync<PendingIndexEntity>(
                e => e.PartitionKey == partition && e.NextAttemptAt <= now, maxPerPage: max, cancellationToken: cancellationToken))
            {
                due.Add(row);
                if (++taken >= max)
                {
                    break;
                }
            }
        }

        return [.. due.OrderBy(r => r.NextAttemptAt).Take(max)];
    }

    /// <summary>
    /// Claims the message behind an index row: an ETag-guarded update to sending with one more attempt and a lease.
    /// Null when it is not due, already done, claimed by someone else, or lost a race.
    /// </summary>
    public async Task<OutboxClaim?> TryClaimAsync(PendingIndexEntity index, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var found = await Table.GetEntityIfExistsAsync<OutboxRow>(index.RecipientId, index.OutboxRowKey, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            if (index.CreatedAt + OrphanGrace < now)
            {
                await DeleteIndexAsync(index, cancellationToken);
            }

            return null;
        }

        var row = found.Value!;
        switch (row.Status)
        {
            case OutboxStatus.Sent or OutboxStatus.Dead:
                await DeleteIndexAsync(index, cancellationToken);
                return null;
            case OutboxStatus.Sending when row.ClaimedUntil > now:
                await RescheduleIndexAsync(index, row.ClaimedUntil.Value, cancellationToken);
                return null;
            case OutboxStatus.Pending or OutboxStatus.Failed when row.NextAttemptAt > now:
                await RescheduleIndexAsync(index, row.NextAttemptAt.Value, cancellationToken);
                return null;
        }

        row.Status = OutboxStatus.Sending;
        row.Attempts++;
        row.ClaimedUntil = now + lease;
        var message = RowJson.Deserialize<OutboxMessage>(row.Json) with { Status = row.Status, Attempts = row.Attempts };
        row.Json = RowJson.Serialize(message);
        if (!await ReplaceAsync(row, cancellationToken))
        {
            return null;
        }

        // If this dispatcher dies now, the index brings the message back when the lease ends.
        await RescheduleIndexAsync(index, row.ClaimedUntil.Value, cancellationToken);
        return new OutboxClaim(row, index, message);
    }

    /// <summary>
    /// The other undelivered messages of a digest (one partition query): pending, failed or sending, with the index
    /// row each would have. <see cref="TryClaimAsync"/> decides which of them this dispatcher may take.
    /// </summary>
    public async Task<IReadOnlyList<PendingIndexEntity>> ListDigestAsync(string recipientId, string digestKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {recipientId} and DigestKey eq {digestKey}");
        var rows = new List<PendingIndexEntity>();
        await foreach (var row in Table.QueryAsync<OutboxRow>(filter, cancellationToken: cancellationToken))
        {
            if (row.Status is OutboxStatus.Pending or OutboxStatus.Failed or OutboxStatus.Sending)
            {
                // The index row's own keys and creation time, so the claim's upsert rewrites it as it was.
                var createdAt = RowJson.Deserialize<OutboxMessage>(row.Json).CreatedAt;
                var index = IndexOf(recipientId, row.RowKey, row.Channel ?? ContactChannels.Email, createdAt == default ? time.GetUtcNow() : createdAt, digestKey);
                rows.Add(index);
            }
        }

        return rows;
    }

    /// <summary>Marks a claimed message sent. False when the claim was lost (another dispatcher took over after the lease).</summary>
    public async Task<bool> MarkSentAsync(OutboxClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var ok = await FinishAsync(claim, OutboxStatus.Sent, row =>
        {
            row.SentAt = now;
            row.LastError = null;
        }, cancellationToken);
        if (ok)
        {
            await DeleteIndexAsync(claim.Index, cancellationToken);
        }

        return ok;
    }

    /// <summary>Records a failed attempt and when to try again.</summary>
    public async Task<bool> MarkFailedAsync(OutboxClaim claim, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var ok = await FinishAsync(claim, OutboxStatus.Failed, row =>
        {
            row.LastError = Truncate(error);
            row.NextAttemptAt = nextAttemptAt;
        }, cancellationToken);
        if (ok)
        {
            await RescheduleIndexAsync(claim.Index, nextAttemptAt, cancellationToken);
        }

        return ok;
    }

    /// <summary>Gives up on a message: status dead with the reason, out of the index.</summary>
    public async Task<bool> MarkDeadAsync(OutboxClaim claim, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var ok = await FinishAsync(claim, OutboxStatus.Dead, row => row.LastError = Truncate(reason), cancellationToken);
        if (ok)
        {
            await DeleteIndexAsync(claim.Index, cancellationToken);
        }

        return ok;
    }

    /// <summary>Moves an index row's next look to later without touching the message (e.g. a channel not wired yet).</summary>
    public Task PostponeAsync(PendingIndexEntity index, DateTimeOffset until, CancellationToken cancellationToken) =>
        RescheduleIndexAsync(index, until, cancellationToken);

    /// <summary>One outbox row with its delivery state, or null.</summary>
    public async Task<OutboxRow?> GetRowAsync(string recipientId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<OutboxRow>(recipientId, RowKeyOf(idempotencyKey), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Messages to a recipient (one partition), optionally since an instant and of a status.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string recipientId, DateTimeOffset? since, string? status, CancellationToken cancellationToken)
    {
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {recipientId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {recipientId} and Status eq {status}");

        var messages = new List<OutboxMessage>();
        await foreach (var row in Table.QueryAsync<JsonEntity>(filter, cancellationToken: cancellationToken))
        {
            var message = RowJson.Deserialize<OutboxMessage>(row.Json);
            if (since is null || message.CreatedAt >= since)
            {
                messages.Add(message);
            }
        }

        return [.. messages.OrderBy(m => m.CreatedAt)];
    }

    /// <summary>Every message (for tests, the demo and small deployments); a dispatcher uses its own index.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAllAsync(string? kind, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        await foreach (var row in Table.QueryAsync<JsonEntity>(kind is null ? null : TableClient.CreateQueryFilter($"Kind eq {kind}"), cancellationToken: cancellationToken))
        {
            messages.Add(RowJson.Deserialize<OutboxMessage>(row.Json));
        }

        return [.. messages.OrderBy(m => m.CreatedAt)];
    }

    /// <summary>Row keys must avoid / \ # ? and control characters and stay short: a hash of the key does.</summary>
    public static string RowKeyOf(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>The index row of an outbox row: bucket from its hash, so writes spread over the partitions.</summary>
    public static PendingIndexEntity IndexOf(string recipientId, string outboxRowKey, string channel, DateTimeOffset now, string? digestKey = null)
    {
        var rowKey = RowKeyOf(recipientId + "\u001f" + outboxRowKey);
        return new PendingIndexEntity
        {
            PartitionKey = BucketOf(Convert.ToInt32(rowKey[..1], 16)),
            RowKey = rowKey,
            RecipientId = recipientId,
            OutboxRowKey = outboxRowKey,
            Channel = channel,
            NextAttemptAt = now,
            CreatedAt = now,
            DigestKey = digestKey,
        };
    }

    private static string BucketOf(int bucket) => "p" + Convert.ToHexStringLower([(byte)bucket])[1..];

    private async Task<bool> FinishAsync(OutboxClaim claim, string status, Action<OutboxRow> change, CancellationToken cancellationToken)
    {
        var row = claim.Row;
        row.Status = status;
        row.ClaimedUntil = null;
        change(row);
        row.Json = RowJson.Serialize(claim.Message with { Status = status, Attempts = row.Attempts });
        return await ReplaceAsync(row, cancellationToken);
    }

    /// <summary>Replace guarded by the row's ETag; false when someone else changed it since it was read.</summary>
    private async Task<bool> ReplaceAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task RescheduleIndexAsync(PendingIndexEntity index, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        // The index is a hint (the outbox row is the truth), so a plain upsert is enough.
        index.NextAttemptAt = nextAttemptAt;
        await PendingTable.UpsertEntityAsync(index, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task DeleteIndexAsync(PendingIndexEntity index, CancellationToken cancellationToken)
    {
        try
        {
            await PendingTable.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private static async Task<bool> AddIgnoringConflictAsync<T>(TableClient table, T entity, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already stored by an earlier attempt: exactly what the key is for.
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
