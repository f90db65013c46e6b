using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Projects;

/// <summary>A township's project figures for the weekly dispatch: completion and disbursement rates (rule 9).</summary>
public sealed record TownshipProgress(string UnitId, string Name, string DistrictId, int Projects, int Completed, int Started,
    decimal Allocated, decimal Disbursed)
{
    public Rate Completion => Rate.Completion(Completed, Projects);

    public Rate Disbursement => Rate.Disbursement(Disbursed, Allocated);

    /// <summary>The ranking score: the mean of the two rates, in percent.</summary>
    public decimal Score => Math.Round((Completion.Percent + Disbursement.Percent) / 2, 2, MidpointRounding.AwayFromZero);

    public static TownshipProgress Of(string unitId, string name, string districtId, IReadOnlyCollection<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return new(unitId, name, districtId, projects.Count,
            projects.Count(p => p.Status == "completed"),
            projects.Count(p => p.Status != "notStarted"),
            projects.Sum(p => p.Allocated),
            projects.Sum(p => p.Disbursed));
    }
}
