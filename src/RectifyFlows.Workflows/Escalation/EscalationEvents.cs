namespace RectifyFlows.Workflows.Escalation;

/// <summary>External events the escalation orchestration listens to.</summary>
public static class EscalationEvents
{
    /// <summary>Raised when the item changed (evidence, return, extension, done): the ladder reloads it.</summary>
    public const string ItemChanged = nameof(ItemChanged);
}
