namespace RectifyFlows.Workflows.Escalation;

/// <summary>One rung of the deadline ladder: its name (reminder-7, level1, level2, level3) and when it fires.</summary>
public sealed record EscalationStep(string Name, int OffsetDays, DateTimeOffset FireAt)
{
    public const string Level1 = "level1";
    public const string Level2 = "level2";
    public const string Level3 = "level3";

    public bool IsReminder => Name.StartsWith("reminder", StringComparison.Ordinal);
}
