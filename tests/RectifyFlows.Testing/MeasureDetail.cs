namespace RectifyFlows.Testing;

/// <summary>The answer of api/measures/{id}: the measure, its history (oldest first) and its evidence.</summary>
public sealed record MeasureDetail(MeasureView Measure, IReadOnlyList<MeasureHistoryEntry> History, IReadOnlyList<MeasureEvidence> Evidence);
