using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Audit;

/// <summary>
/// An audit event as a row, its fields as columns (<see cref="RecordColumns{T}"/>; the changes as JSON). It lives in the
/// same partition as the entity it describes, so the change and its audit row commit in one transaction: no change
/// without its record, no record without its change.
/// </summary>
public static class AuditEntity
{
    // A table property holds at most 32K UTF-16 characters; reasons are short, but never let one break a write.
    private static readonly RecordColumns<AuditEvent> Columns = new RecordColumns<AuditEvent>()
        .Write(nameof(AuditEvent.Reason), e => e.Reason is { Length: > 8000 } reason ? reason[..8000] : e.Reason);

    public static TableEntity From(AuditEvent auditEvent, string partitionKey, string rowKey) =>
        Columns.ToRow(auditEvent, partitionKey, rowKey);

    public static AuditEvent ToEvent(TableEntity row) => Columns.FromRow(row);
}
