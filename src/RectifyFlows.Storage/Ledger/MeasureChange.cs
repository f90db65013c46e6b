using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Storage.Ledger;

/// <summary>What an update does to a measure: the lifecycle outcome, the audit action name, and evidence to record.</summary>
public sealed record MeasureChange(LifecycleOutcome Outcome, string Action, string? Reason = null, Evidence? Evidence = null);
