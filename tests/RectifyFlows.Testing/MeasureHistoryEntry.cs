namespace RectifyFlows.Testing;

/// <summary>One audit event in a measure's history.</summary>
public sealed record MeasureHistoryEntry(string Actor, string Action, string? FromStatus, string? ToStatus, string? Reason);
