using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Projects;

/// <summary>
/// A township's project figures for the weekly dispatch and the quarterly score: completion and disbursement rates
/// (rule 9). A township without projects has no data: it is listed as such and never ranked (<see cref="HasData"/>).
/// </summary>
public sealed record TownshipProgress(string UnitId, string Name, string DistrictId, int Projects, int Completed, int Started,
    decimal Allocated, decimal Disbursed)
{
    public RateFormat Format { get; init; } = RateFormat.Default;

    public bool HasData => Projects > 0;

    public Rate Completion => Rate.Completion(Completed, Projects, Format);

    public Rate Disbursement => Rate.Disbursement(Disbursed, Allocated, Format);

    /// <summary>The ranking score: the mean of the two exact rates, in percent, rounded like the rates.</summary>
    public decimal Score => Format.Round((Completion.ExactPercent + Disbursement.ExactPercent) / 2);

    public static TownshipProgress Of(string unitId, string name, string districtId, IReadOnlyCollection<Project> projects, RateFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return new(unitId, name, districtId, projects.Count,
            projects.Count(p => p.IsCompleted),
            projects.Count(p => p.IsStarted),
            projects.Sum(p => p.Allocated),
            projects.Sum(p => p.Disbursed))
        {
            Format = format ?? RateFormat.Default,
        };
    }
}
