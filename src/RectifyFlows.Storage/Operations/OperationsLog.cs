using System.Globalization;
using Azure.Data.Tables;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Operations;

/// <summary>
/// The audit trail of operations that change state no user asked for: the doctor's repairs, retention's purges, a
/// restore. PK <c>{kind}|{yyyy-MM}</c> (a month of one kind in one partition), RK time-ordered; the same columns as
/// every other audit row (<see cref="AuditEntity"/>).
/// </summary>
public sealed class OperationsLog(FeatureTables tables, TimeProvider time)
{
    public const string RepairKind = "repair";
    public const string RetentionKind = "retention";
    public const string RestoreKind = "restore";

    public async Task WriteAsync(string kind, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var partition = Partition(kind, auditEvent.At);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{auditEvent.At.UtcTicks:D19}|{Guid.NewGuid():N}");
        await tables.OperationsLog.AddEntityAsync(AuditEntity.From(auditEvent, partition, rowKey), cancellationToken);
    }

    /// <summary>
    /// Records an operation on the whole store (a purge, a restore): entity <c>store</c>, the kind as its id, now. The
    /// reason says what it did in the operator's words; <paramref name="changes"/> the counts a report reads.
    /// </summary>
    public Task WriteStoreAsync(
        string kind, string action, string actor, string reason, IReadOnlyDictionary<string, string?[]>? changes, CancellationToken cancellationToken) =>
        WriteAsync(kind, new AuditEvent
        {
            EntityKind = "store",
            EntityId = kind,
            Action = action,
            Actor = actor,
            At = time.GetUtcNow(),
            Reason = reason,
            Changes = changes ?? new Dictionary<string, string?[]>(),
        }, cancellationToken);

    /// <summary>The entries of one kind in the month of <paramref name="month"/> (now when null), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string kind, DateTimeOffset? month, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in tables.OperationsLog.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition(kind, month ?? time.GetUtcNow()), cancellationToken: cancellationToken))
        {
            events.Add(AuditEntity.ToEvent(row));
        }

        return events;
    }

    private static string Partition(string kind, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}|{at.UtcDateTime:yyyy-MM}");
}
