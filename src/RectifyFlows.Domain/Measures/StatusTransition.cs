namespace RectifyFlows.Domain.Measures;

/// <summary>One step of the lifecycle, as it goes into the audit log.</summary>
public sealed record StatusTransition(MeasureStatus From, MeasureStatus To, string Reason);
