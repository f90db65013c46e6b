namespace RectifyFlows.Domain.Projects;

/// <summary>
/// A project as a plan file's <c>projects</c> block, the body of <c>POST /api/projects</c> or a row of the XLSX import
/// carry it, before validation (<see cref="ProjectReader"/>).
/// </summary>
public class ProjectDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? TownshipId { get; set; }
    public string? VillageId { get; set; }
    public string? Category { get; set; }
    public int? Year { get; set; }
    public string? FundingLevel { get; set; }
    public decimal? Allocated { get; set; }
    public decimal? Disbursed { get; set; }
    public string? Status { get; set; }
    public int? Percent { get; set; }
    public string? StartedOn { get; set; }
    public string? CompletedOn { get; set; }
    public string? Provenance { get; set; }
}
