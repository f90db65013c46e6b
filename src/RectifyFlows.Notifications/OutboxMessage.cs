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
    public string Channel { get; init; } = "email";

    /// <summary>The address on that channel; null when the directory has none (the message is kept and reported).</summary>
    public string? Address { get; init; }

    /// <summary>reminder, escalation1–3, bulletin, callIn, strike, reportReady, inspectionRequest, reverification…</summary>
    public required string Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>pending, sent, failed or dead.</summary>
    public string Status { get; init; } = "pending";
    public int Attempts { get; init; }
}
