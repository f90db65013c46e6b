using RectifyFlows.Domain.Leads;

namespace RectifyFlows.Testing;

/// <summary>
/// A lead (问题线索) as <c>api/leads</c> shows it (LeadResponse): its status and disposition are the product's
/// <see cref="LeadStatus"/> and <see cref="LeadDisposition"/>, <see cref="Overdue"/> is computed for today (China).
/// <see cref="Audit"/> is only in the answer of <c>GET api/leads/{id}</c> (null in lists and in a change's answer).
/// </summary>
public sealed record LeadView(
    string Id, string EventId, string Source, string Subject, string? UnitId, string? OwnerUnitId, DateOnly Deadline,
    LeadStatus Status, LeadDisposition? Disposition, string? DispositionNote, bool Overdue, long Version,
    IReadOnlyList<LeadAuditView>? Audit);

/// <summary>One audit row of a lead: what was done and by whom.</summary>
public sealed record LeadAuditView(string Action, string Actor, DateTimeOffset At, string? FromStatus, string? ToStatus, string? Reason);
