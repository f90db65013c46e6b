namespace RectifyFlows.Workflows.Escalation;

/// <summary>The input of a step: the item, the due date the ladder was built for, and the step.</summary>
public sealed record EscalationStepRequest(ItemRef Item, DateOnly DueDate, EscalationStep Step);
