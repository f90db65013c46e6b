namespace RectifyFlows.Operations.Retention;

/// <summary>What one retention pass removed, and what it kept because an open item still needs it.</summary>
public sealed record RetentionReport(long WebhookEvents, long Orchestrations, long SentMessages, long KeptForOpenItems);
