namespace RectifyFlows.Workflows.Common;

/// <summary>
/// Something with a due date that the deadline ladder watches: a measure, or an action of a unit. An action a cycle
/// opened names the <paramref name="Ladder"/> it shares with the actions opened with it (ADR 0020); without one, the
/// item has a ladder of its own.
/// </summary>
public sealed record ItemRef(string Kind, string Id, string? UnitId = null, string? Ladder = null)
{
    public const string MeasureKind = "measure";
    public const string ActionKind = "action";

    public static ItemRef Measure(string id) => new(MeasureKind, id);

    public static ItemRef Action(string unitId, string id, string? ladder = null) => new(ActionKind, id, unitId, ladder);

    /// <summary>What every escalation orchestration's instance id starts with (a query for all ladders).</summary>
    public const string EscalationInstancePrefix = "escalation-";

    /// <summary>The instance id of the orchestration that watches the item: its shared ladder, or its own.</summary>
    public string EscalationInstanceId => Ladder ?? $"{EscalationInstancePrefix}{Kind}-{Id}";
}
