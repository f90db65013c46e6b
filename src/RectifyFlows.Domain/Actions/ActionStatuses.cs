namespace RectifyFlows.Domain.Actions;

/// <summary>
/// The two states of an accountability action, as stored and as the API spells them: open until its unit (or the
/// office) reports it carried out, then done. A column of the actions table, so kept as strings (ADR 0013).
/// </summary>
public static class ActionStatuses
{
    public const string Open = "open";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Open, Done];
}
