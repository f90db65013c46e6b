namespace RectifyFlows.Storage.Audit;

/// <summary>One entry of the append-only audit log: who did what to which entity, when, and what changed.</summary>
public sealed record AuditEvent
{
    public required string EntityKind { get; init; }
    public required string EntityId { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? FromStatus { get; init; }
    public string? ToStatus { get; init; }
    public string? Reason { get; init; }

    /// <summary>Changed fields: name → [before, after], as JSON.</summary>
    public IReadOnlyDictionary<string, string?[]> Changes { get; init; } = new Dictionary<string, string?[]>();
}
