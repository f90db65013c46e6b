namespace RectifyFlows.Workflows.Escalation;

/// <summary>What a step did: sent (with how many new messages), or found the item closed or its due date moved.</summary>
public sealed record EscalationStepResult(string Outcome, int MessagesWritten = 0, string? ActionOpened = null)
{
    public const string Sent = "sent";
    public const string Closed = "closed";
    public const string DueDateChanged = "dueDateChanged";
}
