namespace RectifyFlows.Domain.Measures;

/// <summary>The measure after an action, and the status transitions the action made (none for a plain progress update).</summary>
public sealed record LifecycleOutcome(Measure Measure, IReadOnlyList<StatusTransition> Transitions);
