namespace RectifyFlows.Notifications.Dispatch;

/// <summary>What one dispatcher pass did.</summary>
public sealed record DispatchResult(int Sent, int Failed, int Dead, int Skipped);
