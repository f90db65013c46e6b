namespace RectifyFlows.Api.Leads;

/// <summary><c>POST /api/leads/{id}/assign</c>.</summary>
public sealed class LeadAssignRequest
{
    public string? OwnerUnitId { get; set; }
    public DateOnly? Deadline { get; set; }
}

/// <summary><c>POST /api/leads/{id}/disposition</c>.</summary>
public sealed class LeadDispositionRequest
{
    public string? Disposition { get; set; }
    public string? Note { get; set; }
}
