namespace RectifyFlows.Notifications;

/// <summary>A channel to try after the message's own one is rejected for good, with that channel's text.</summary>
public sealed record FallbackRoute
{
    public required string Channel { get; init; }
    public string? Address { get; init; }
    public string? RobotKey { get; init; }
    public required string Body { get; init; }
}
