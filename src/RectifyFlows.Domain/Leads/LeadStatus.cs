namespace RectifyFlows.Domain.Leads;

/// <summary>Where a lead (问题线索) stands: registered, assigned to an owner, or disposed in one of three ways (rule 8).</summary>
public enum LeadStatus
{
    /// <summary>登记: received, no owner yet.</summary>
    Registered,

    /// <summary>交办: an owner unit and a deadline are set.</summary>
    Assigned,

    /// <summary>立案.</summary>
    CaseFiled,

    /// <summary>了结.</summary>
    Closed,

    /// <summary>移送.</summary>
    Transferred,
}
