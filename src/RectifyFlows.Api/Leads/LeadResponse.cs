using RectifyFlows.Domain.Leads;
using RectifyFlows.Storage.Audit;

namespace RectifyFlows.Api.Leads;

/// <summary>A lead as the API shows it: enums as camelCase names, dates as <c>yyyy-MM-dd</c>, overdue computed for today (China).</summary>
public static class LeadResponse
{
    public static object From(Lead lead, DateOnly today, IReadOnlyList<AuditEvent>? audit = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new
        {
            id = lead.Id,
            eventId = lead.EventId,
            receivedAt = lead.ReceivedAt,
            source = lead.Source,
            subject = lead.Subject,
            detail = lead.Detail,
            unitId = lead.UnitId,
            ownerUnitId = lead.OwnerUnitId,
            deadline = lead.Deadline,
            status = lead.Status,
            disposition = lead.Disposition,
            dispositionNote = lead.DispositionNote,
            disposedAt = lead.DisposedAt,
            overdue = lead.IsOverdue(today),
            version = lead.Version,
            history = lead.History.Select(h => new
            {
                action = h.Action, actor = h.Actor, at = h.At, from = h.From, to = h.To, note = h.Note,
            }),
            audit = audit?.Select(a => new { action = a.Action, actor = a.Actor, at = a.At, fromStatus = a.FromStatus, toStatus = a.ToStatus, reason = a.Reason }),
        };
    }

}
