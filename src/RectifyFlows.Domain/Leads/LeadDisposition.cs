namespace RectifyFlows.Domain.Leads;

/// <summary>How a lead was disposed (处置方式): 立案, 了结 or 移送.</summary>
public enum LeadDisposition
{
    CaseFiled,
    Closed,
    Transferred,
}
