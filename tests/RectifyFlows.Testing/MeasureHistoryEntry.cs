namespace RectifyFlows.Testing;

/// <summary>One audit event in a measure's history; <see cref="Changes"/> maps a changed field to its old and new value.</summary>
public sealed record MeasureHistoryEntry(
    string Actor, string Action, string? FromStatus, string? ToStatus, string? Reason, IReadOnlyDictionary<string, IReadOnlyList<string?>> Changes);
