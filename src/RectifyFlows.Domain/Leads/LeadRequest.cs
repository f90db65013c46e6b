namespace RectifyFlows.Domain.Leads;

/// <summary><c>POST /api/webhooks/leads</c> as read, before validation.</summary>
public sealed class LeadRequest
{
    public string? EventId { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? Source { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
    public string? UnitId { get; set; }
}
