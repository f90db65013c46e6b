namespace RectifyFlows.Api.Leads;

// Request bodies as read: nullable, so that validation names a missing field instead of defaulting it.

/// <summary><c>POST /api/leads/{id}/assign</c>.</summary>
public sealed record LeadAssignRequest(string? OwnerUnitId, DateOnly? Deadline);

/// <summary><c>POST /api/leads/{id}/disposition</c>.</summary>
public sealed record LeadDispositionRequest(string? Disposition, string? Note);
