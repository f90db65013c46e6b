namespace RectifyFlows.Workflows.Common;

/// <summary>Something with a due date that the deadline ladder watches: a measure, or an action of a unit.</summary>
public sealed record ItemRef(string Kind, string Id, string? UnitId = null)
{
    public const string MeasureKind = "measure";
    public const string ActionKind = "action";

    public static ItemRef Measure(string id) => new(MeasureKind, id);

    public static ItemRef Action(string unitId, string id) => new(ActionKind, id, unitId);

    /// <summary>What every escalation orchestration's instance id starts with (a query for all ladders).</summary>
    public const string EscalationInstancePrefix = "escalation-";

    /// <summary>The instance id of the item's escalation orchestration.</summary>
    public string EscalationInstanceId => $"{EscalationInstancePrefix}{Kind}-{Id}";
}
