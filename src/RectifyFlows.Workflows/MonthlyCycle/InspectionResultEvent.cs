namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>Raised into the collecting cycle when a team's result is stored (the result itself stays in storage).</summary>
public sealed record InspectionResultEvent(string TeamId, string UnitId, string EventId)
{
    public const string Name = "InspectionResult";
}
