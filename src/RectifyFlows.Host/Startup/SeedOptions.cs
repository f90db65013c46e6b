namespace RectifyFlows.Host.Startup;

/// <summary>The plan imported at start; bound from <c>RectifyFlows:Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "RectifyFlows:Seed";

    /// <summary>Import the seed plan on start (idempotent: an unchanged plan costs one read).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Relative to the app folder (the seeds ship with it) or absolute.</summary>
    public string PlanFile { get; set; } = "seeds/ganxian-2017.plan.json";

    /// <summary>
    /// The seed office's projects (a projects data file; the seed's aggregates reconstructed as rows), written after
    /// the plan. Relative to the app folder or absolute; empty for none.
    /// </summary>
    public string ProjectsFile { get; set; } = "seeds/ganxian-2017.projects.json";
}
