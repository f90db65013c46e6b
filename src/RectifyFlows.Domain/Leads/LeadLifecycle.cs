namespace RectifyFlows.Domain.Leads;

/// <summary>
/// The leads ledger's rules (domain rule 8): Registered → Assigned (re-assigning moves owner and deadline) →
/// CaseFiled | Closed | Transferred. A disposition needs an owner and is final.
/// </summary>
public static class LeadLifecycle
{
    public const int MaxNoteLength = 2000;

    public static Lead Assign(Lead lead, string ownerUnitId, DateOnly deadline, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Disposition is not null)
        {
            throw new LeadTransitionException(lead.Id, lead.Status, "assign", "线索已处置，不能再交办。");
        }

        return lead with
        {
            OwnerUnitId = ownerUnitId,
            Deadline = deadline,
            Status = LeadStatus.Assigned,
            Version = lead.Version + 1,
            History = [.. lead.History, new LeadHistoryEntry("assign", actor, at, lead.Status, LeadStatus.Assigned, $"承办单位 {ownerUnitId}，办理时限 {deadline:yyyy-MM-dd}")],
        };
    }

    public static Lead Dispose(Lead lead, LeadDisposition disposition, string note, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Disposition is not null)
        {
            throw new LeadTransitionException(lead.Id, lead.Status, "disposition", "线索已处置，处置结果不能更改。");
        }

        if (lead.Status != LeadStatus.Assigned)
        {
            throw new LeadTransitionException(lead.Id, lead.Status, "disposition", "线索尚未交办，请先指定承办单位和办理时限。");
        }

        var status = disposition switch
        {
            LeadDisposition.CaseFiled => LeadStatus.CaseFiled,
            LeadDisposition.Closed => LeadStatus.Closed,
            _ => LeadStatus.Transferred,
        };
        return lead with
        {
            Status = status,
            Disposition = disposition,
            DispositionNote = note,
            DisposedAt = at,
            Version = lead.Version + 1,
            History = [.. lead.History, new LeadHistoryEntry("disposition", actor, at, lead.Status, status, note)],
        };
    }
}
