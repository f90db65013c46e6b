namespace RectifyFlows.Api.Webhooks;

/// <summary>A signed, non-replayed webhook body, its verified sender and when it arrived.</summary>
public sealed record WebhookDelivery<TRequest>(TRequest Body, string Sender, DateTimeOffset ReceivedAt)
{
    /// <summary>The actor recorded in audit rows for changes this delivery makes.</summary>
    public string Actor => "webhook:" + Sender;
}
