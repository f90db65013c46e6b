using System.Text.Json;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Audit;

/// <summary>
/// An audit event as a row. It lives in the same partition as the entity it describes, so the change and its
/// audit row commit in one transaction: no change without its record, no record without its change.
/// </summary>
public sealed class AuditEntity : TableRow
{
    public string EntityKind { get; set; } = string.Empty;
    public string EntityId { get; set; } = string.Empty;
    public string Action { get; set; } = string.Empty;
    public string Actor { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Reason { get; set; }
    public string Changes { get; set; } = "{}";

    public static AuditEntity From(AuditEvent auditEvent, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new AuditEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            EntityKind = auditEvent.EntityKind,
            EntityId = auditEvent.EntityId,
            Action = auditEvent.Action,
            Actor = auditEvent.Actor,
            At = auditEvent.At,
            FromStatus = auditEvent.FromStatus,
            ToStatus = auditEvent.ToStatus,
            Reason = Truncate(auditEvent.Reason),
            Changes = JsonSerializer.Serialize(auditEvent.Changes),
        };
    }

    public AuditEvent ToEvent() => new()
    {
        EntityKind = EntityKind,
        EntityId = EntityId,
        Action = Action,
        Actor = Actor,
        At = At,
        FromStatus = FromStatus,
        ToStatus = ToStatus,
        Reason = Reason,
        Changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(Changes) ?? [],
    };

    // A table property holds at most 32K UTF-16 characters; reasons are short, but never let one break a write.
    private static string? Truncate(string? value) => value is { Length: > 8000 } ? value[..8000] : value;
}
