using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Notifications.Outbox;

/// <summary>
/// An outbox row: the same Kind/Status/UnitId/Json columns as <c>JsonEntity</c> (so readers of the message are
/// unchanged) plus the delivery state the dispatcher guards with the row's ETag.
/// </summary>
public sealed class OutboxRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Kind { get; set; }

    /// <summary>pending, sending (claimed under a lease), failed (waiting for a retry), sent or dead.</summary>
    public string? Status { get; set; }
    public string? UnitId { get; set; }
    public string Json { get; set; } = "{}";

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
