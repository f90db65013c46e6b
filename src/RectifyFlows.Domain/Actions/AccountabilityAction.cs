namespace RectifyFlows.Domain.Actions;

/// <summary>
/// An accountability action opened by a cycle or by the deadline ladder: who (unit, person), what kind, why, by when.
/// Its id is derived from its source, so opening it again is a no-op.
/// </summary>
public sealed record AccountabilityAction
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public string? PersonId { get; init; }
    public required ActionKind Kind { get; init; }
    public required string Reason { get; init; }

    /// <summary>The cycle instance or escalation that opened it, e.g. <c>monthly-2017-03</c>.</summary>
    public required string Source { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>
    /// The instance id of the deadline ladder this action shares with the others one cycle step opened with the same
    /// due date (ADR 0020); null for an action with a ladder of its own (a supervision order, or one opened before
    /// ladders were shared).
    /// </summary>
    public string? Ladder { get; init; }

    /// <summary><see cref="ActionStatuses.Open"/> until it is reported carried out (<see cref="ActionLifecycle.Complete"/>).</summary>
    public string Status { get; init; } = ActionStatuses.Open;

    /// <summary>How it was carried out, once done; null while open.</summary>
    public ActionCompletion? Completion { get; init; }

    /// <summary>Every change after it was opened, oldest first: the action's audit trail, stored with it.</summary>
    public IReadOnlyList<ActionHistoryEntry> History { get; init; } = [];
}
