namespace RectifyFlows.Domain.Projects;

/// <summary><c>POST /api/webhooks/project-progress</c> as read, before validation.</summary>
public sealed class ProjectProgressRequest
{
    public string? EventId { get; set; }
    public string? ProjectId { get; set; }
    public string? UnitId { get; set; }
    public string? Status { get; set; }
    public int? Percent { get; set; }
    public decimal? Disbursed { get; set; }
}
