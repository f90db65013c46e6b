namespace RectifyFlows.Notifications.Dispatch;

/// <summary>A district office (the unit dead-letter alerts go to) and its address.</summary>
public sealed record Office(string UnitId, string? Name, string? Email);
