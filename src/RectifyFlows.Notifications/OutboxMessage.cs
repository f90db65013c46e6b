using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications;

/// <summary>
/// A message to one recipient over one channel. <see cref="IdempotencyKey"/> identifies the business event (e.g.
/// <c>escalation|measure|p1-m1|2017-03-31|level1|dept-fupin|email</c>): writing the same key twice stores it once, so
/// an activity replayed after a crash never sends twice.
/// </summary>
public sealed record OutboxMessage
{
    public required string IdempotencyKey { get; init; }

    /// <summary>A unit, person or team id.</summary>
    public required string RecipientId { get; init; }
    public string? RecipientName { get; init; }

    /// <summary>email, sms, wecom or dingtalk.</summary>
    public string Channel { get; init; } = ContactChannels.Email;

    /// <summary>The address on that channel; null when the directory has none (the message is kept and reported).</summary>
    public string? Address { get; init; }

    /// <summary>reminder, escalation1–3, bulletin, callIn, strike, reportReady, inspectionRequest, reverification…</summary>
    public required string Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The business event without recipient and channel; a fallback's key is built from it.</summary>
    public string? EventKey { get; init; }

    /// <summary>Mail only: the HTML of the body (the text <see cref="Body"/> is the plain alternative).</summary>
    public string? Html { get; init; }

    /// <summary>wecom/dingtalk: the contact's own robot (key or access token) instead of the configured group's.</summary>
    public string? RobotKey { get; init; }

    /// <summary>The template's fields (measure, unit, official, due date…), kept so a digest can list the measure.</summary>
    public NotificationFields? Fields { get; init; }

    /// <summary>
    /// Set on reminders by mail: <c>digest|{recipient}|{CST day}</c>. The dispatcher folds the pending messages of one
    /// digest key into one mail (docs/notifications.md, "Daily digest").
    /// </summary>
    public string? DigestKey { get; init; }

    /// <summary>The next channels to try, in order, when this one is rejected for good.</summary>
    public IReadOnlyList<FallbackRoute> Fallbacks { get; init; } = [];

    /// <summary>pending, sent, failed or dead.</summary>
    public string Status { get; init; } = OutboxStatus.Pending;
    public int Attempts { get; init; }
}
