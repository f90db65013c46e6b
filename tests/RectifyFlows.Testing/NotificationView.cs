namespace RectifyFlows.Testing;

/// <summary>
/// A message of the delivery log as <c>GET api/notifications</c> lists it (the outbox row, api.md). Compare
/// <see cref="Channel"/> with <c>ContactChannels</c>, <see cref="Kind"/> with <c>NotificationTemplates</c>' kinds,
/// <see cref="Status"/> with <c>OutboxStatus</c>, and <see cref="IdempotencyKey"/> with what <c>MessageKeys</c> builds.
/// </summary>
public sealed record NotificationView(
    string IdempotencyKey, string RecipientId, string Channel, string Kind, string Subject, string Status, int Attempts,
    DateTimeOffset CreatedAt)
{
    /// <summary>One line for a failure message or the test log: channel, status, attempts, recipient, key.</summary>
    public override string ToString() => $"{Channel} {Status} {Attempts} {RecipientId} {IdempotencyKey}";
}
