using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Audit;

namespace RectifyFlows.Storage.Ledger;

/// <summary>A measure with its audit history and evidence, oldest first.</summary>
public sealed record MeasureHistory(Measure Measure, IReadOnlyList<AuditEvent> History, IReadOnlyList<Evidence> Evidence);
