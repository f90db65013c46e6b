namespace RectifyFlows.Storage.Plans;

/// <summary>The outcome of an import with what it wrote.</summary>
public sealed record PlanImportResult(
    string PlanId,
    PlanImportOutcome Outcome,
    int MeasuresCreated,
    int MeasuresUpdated,
    int UnitsWritten,
    IReadOnlyList<string> MeasuresNotInFile,
    IReadOnlyList<string>? ChangedMeasureIds = null);
