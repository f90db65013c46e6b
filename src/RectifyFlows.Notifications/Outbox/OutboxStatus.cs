namespace RectifyFlows.Notifications.Outbox;

/// <summary>The states of an outbox row.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Failed = "failed";
    public const string Sent = "sent";
    public const string Dead = "dead";
}
