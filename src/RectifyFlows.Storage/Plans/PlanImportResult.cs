namespace RectifyFlows.Storage.Plans;

/// <summary>The outcome of an import with what it wrote.</summary>
public sealed record PlanImportResult(
    string PlanId,
    PlanImportOutcome Outcome,
    int MeasuresCreated,
    int MeasuresUpdated,
    int UnitsWritten,
    IReadOnlyList<string> MeasuresNotInFile,
    IReadOnlyList<string>? ChangedMeasureIds = null)
{
    /// <summary>Units the file declares that belong to another plan: used, listed under this plan's office, not overwritten.</summary>
    public IReadOnlyList<string> UnitsKept { get; init; } = [];
}
