namespace RectifyFlows.Workflows.Escalation;

/// <summary>The escalation orchestration's input: which item, and how many times it has restarted (for the log).</summary>
public sealed record EscalationInput(ItemRef Item, int Generation = 0);
