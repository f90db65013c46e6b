namespace RectifyFlows.Notifications.Outbox;

/// <summary>A message this dispatcher claimed (status sending, under a lease); the row carries the ETag of the claim.</summary>
public sealed record OutboxClaim(OutboxRow Row, PendingIndexEntity Index, OutboxMessage Message);
