namespace RectifyFlows.Testing;

/// <summary>A measure as api/measures shows it (the fields tests read; the rest of the wire format is ignored).</summary>
public sealed record MeasureView(
    string Id, string PlanId, string ProblemId, string Kind, string LeadUnitId, IReadOnlyList<string> ResponsibleUnitIds,
    string Status, int Progress, string Colour, bool Overdue, DateOnly DueDate, long Version);
