namespace RectifyFlows.Testing;

/// <summary>Evidence recorded for a measure.</summary>
public sealed record MeasureEvidence(string Text, DateOnly EffectiveDate, string SubmittedBy);
