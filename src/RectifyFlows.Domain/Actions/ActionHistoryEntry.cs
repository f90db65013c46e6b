namespace RectifyFlows.Domain.Actions;

/// <summary>One change of an action after it was opened: what, who, when, from which status to which, and the note.</summary>
public sealed record ActionHistoryEntry(string Change, string Actor, DateTimeOffset At, string From, string To, string? Note);
