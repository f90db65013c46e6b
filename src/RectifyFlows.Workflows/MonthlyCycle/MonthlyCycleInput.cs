namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>The month (<c>yyyy-MM</c>) and the issuing office a monthly cycle runs for.</summary>
public sealed record MonthlyCycleInput(string Month, string OfficeId)
{
    public OfficePeriod Office => new(OfficeId, Month);
}
