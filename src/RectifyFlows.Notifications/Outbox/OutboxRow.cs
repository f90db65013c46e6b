using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Notifications.Outbox;

/// <summary>
/// An outbox row: a <see cref="JsonEntity"/> (so readers of the message are unchanged; its status is pending, sending
/// under a lease, failed waiting for a retry, sent or dead) plus the delivery state the dispatcher guards with the
/// row's ETag.
/// </summary>
public sealed class OutboxRow : JsonEntity
{
    public string? Channel { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>While status is sending: until when the claim holds; after it, another dispatcher may take it over.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The daily digest this message folds into (reminders by mail), else null.</summary>
    public string? DigestKey { get; set; }
}
