namespace RectifyFlows.Domain.Leads;

/// <summary>One change of a lead: who, when, what, from which status to which, and the note given.</summary>
public sealed record LeadHistoryEntry(string Action, string Actor, DateTimeOffset At, LeadStatus? From, LeadStatus To, string? Note);
