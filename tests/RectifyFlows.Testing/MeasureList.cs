namespace RectifyFlows.Testing;

/// <summary>The answer of api/measures: the count and the measures.</summary>
public sealed record MeasureList(int Count, IReadOnlyList<MeasureView> Items);
