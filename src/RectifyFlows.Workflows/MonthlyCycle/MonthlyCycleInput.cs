namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>The month a cycle runs for, <c>yyyy-MM</c>.</summary>
public sealed record MonthlyCycleInput(string Month);
