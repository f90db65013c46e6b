namespace RectifyFlows.Notifications.Contacts;

/// <summary>One way to reach a recipient: a channel and its address (for robots: the mobile to mention and the robot).</summary>
public sealed record ContactRoute(string Channel, string? Address, string? RobotKey);
