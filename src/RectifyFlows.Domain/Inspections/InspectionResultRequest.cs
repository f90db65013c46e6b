namespace RectifyFlows.Domain.Inspections;

#pragma warning disable CA1002, CA2227 // DTOs of the JSON contract.

/// <summary><c>POST /api/webhooks/inspection-results</c> as read, before validation.</summary>
public sealed class InspectionResultRequest
{
    public string? EventId { get; set; }
    public string? Month { get; set; }
    public string? TeamId { get; set; }
    public string? UnitId { get; set; }
    public DateTimeOffset? InspectedAt { get; set; }
    public List<FindingRequest?>? Findings { get; set; }
}

/// <summary>One finding of an inspection result.</summary>
public sealed class FindingRequest
{
    public string? Kind { get; set; }
    public string? Severity { get; set; }
    public string? PersonId { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
    public int? DaysOnSite { get; set; }
}
#pragma warning restore CA1002, CA2227
