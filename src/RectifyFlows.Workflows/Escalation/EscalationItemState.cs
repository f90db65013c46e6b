namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// What the ladder needs to know about its item, loaded by an activity (so it is recorded and replays the same):
/// whether it still needs action, its due date, and the fire times of every step for that due date.
/// </summary>
public sealed record EscalationItemState(bool Open, DateOnly? DueDate, IReadOnlyList<EscalationStep> Steps);
