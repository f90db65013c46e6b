using System.Globalization;
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

    /// <summary>The entries of one kind in the month of <paramref name="month"/> (now when null), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string kind, DateTimeOffset? month, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in tables.OperationsLog.QueryAsync<AuditEntity>(
            e => e.PartitionKey == Partition(kind, month ?? time.GetUtcNow()), cancellationToken: cancellationToken))
        {
            events.Add(row.ToEvent());
        }

        return events;
    }

    private static string Partition(string kind, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}|{at.UtcDateTime:yyyy-MM}");
}
