using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Notifications.Outbox;

/// <summary>
/// One row per undelivered message in the pending index (PK one of 16 buckets, RK a hash of the outbox row's keys):
/// the dispatcher reads only this small table, never the outbox. Removed when the message is sent or dead.
/// </summary>
public sealed class PendingIndexEntity : TableRow
{
    public string RecipientId { get; set; } = string.Empty;
    public string OutboxRowKey { get; set; } = string.Empty;
    public string Channel { get; set; } = ContactChannels.Email;
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the message folds into a daily digest: the dispatcher holds it for the gathering delay.</summary>
    public string? DigestKey { get; set; }
}
