namespace RectifyFlows.Domain.Leads;

/// <summary>问题线索: a tip or complaint that must get an owner, a deadline and a disposition (domain rule 8).</summary>
public sealed record Lead
{
    public required string Id { get; init; }

    /// <summary>The webhook event that registered it.</summary>
    public required string EventId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Where it came from (12317 hotline, petition office, mailbox…); also the webhook sender.</summary>
    public required string Source { get; init; }
    public required string Subject { get; init; }
    public required string Detail { get; init; }

    /// <summary>The unit the lead concerns, when the sender named one.</summary>
    public string? UnitId { get; init; }

    /// <summary>The unit that must handle it (承办单位), once assigned.</summary>
    public string? OwnerUnitId { get; init; }

    /// <summary>办理时限 (China date). Set at registration to a default, replaced when assigned.</summary>
    public required DateOnly Deadline { get; init; }
    public LeadStatus Status { get; init; } = LeadStatus.Registered;
    public LeadDisposition? Disposition { get; init; }
    public string? DispositionNote { get; init; }
    public DateTimeOffset? DisposedAt { get; init; }

    /// <summary>Incremented by every change; audit row keys use it.</summary>
    public long Version { get; init; }
    public IReadOnlyList<LeadHistoryEntry> History { get; init; } = [];

    /// <summary>Past its deadline (China date <paramref name="today"/>) without a disposition.</summary>
    public bool IsOverdue(DateOnly today) => Disposition is null && Deadline < today;
}
