namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// An issuing office (a district's or a township's rectification office): the plans it issued, what they answer
/// (巡视, 成效考核…) and its supervision teams. Each office runs its own cycles and gets its own reports.
/// </summary>
public sealed record Office(string Id, string Name, IReadOnlyList<string> PlanIds, IReadOnlyList<string> SourceKinds, IReadOnlyList<string> TeamIds)
{
    /// <summary>The printed header of its reports: 赣县区巡视整改工作办公室, 某某乡成效考核整改工作办公室.</summary>
    public string Issuer => $"{Name}{string.Join("、", SourceKinds)}整改工作办公室";
}
