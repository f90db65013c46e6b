using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Notifications.Outbox;

/// <summary>
/// The outbox table (PK recipient id, RK hash of the idempotency key). The key decides the row, so a second write of
/// the same message is a 409 and is skipped: send-once holds even when the writing activity runs twice.
/// </summary>
public sealed class OutboxRepository(Azure.Data.Tables.TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time)
    : INotificationPort
{
    public TableClient Table { get; } = service.GetTableClient(options.Value.TablePrefix + "Outbox");

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => await Table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        var written = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                try
                {
                    await Table.AddEntityAsync(new JsonEntity
                    {
                        PartitionKey = message.RecipientId,
                        RowKey = RowKeyOf(message.IdempotencyKey),
                        Kind = message.Kind,
                        Status = message.Status,
                        UnitId = message.RecipientId,
                        Json = Json.Serialize(message with { CreatedAt = message.CreatedAt == default ? now : message.CreatedAt }),
                    }, ct);
                    Interlocked.Increment(ref written);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Already stored by an earlier attempt: exactly what the key is for.
                }
            });
        return written;
    }

    /// <summary>Messages to a recipient (one partition), optionally since an instant and of a status.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string recipientId, DateTimeOffset? since, string? status, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{LedgerKeys.Escape(recipientId)}'";
        if (status is not null)
        {
            filter += $" and Status eq '{LedgerKeys.Escape(status)}'";
        }

        var messages = new List<OutboxMessage>();
        await foreach (var row in Table.QueryAsync<JsonEntity>(filter, cancellationToken: cancellationToken))
        {
            var message = Json.Deserialize<OutboxMessage>(row.Json);
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
        await foreach (var row in Table.QueryAsync<JsonEntity>(kind is null ? null : $"Kind eq '{LedgerKeys.Escape(kind)}'", cancellationToken: cancellationToken))
        {
            messages.Add(Json.Deserialize<OutboxMessage>(row.Json));
        }

        return [.. messages.OrderBy(m => m.CreatedAt)];
    }

    /// <summary>Row keys must avoid / \ # ? and control characters and stay short: a hash of the key does.</summary>
    public static string RowKeyOf(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
