namespace RectifyFlows.Domain.Leads;

/// <summary>A change the lead's status does not allow (e.g. a second disposition); the API answers 409.</summary>
public sealed class LeadTransitionException : InvalidOperationException
{
    public LeadTransitionException()
    {
    }

    public LeadTransitionException(string message) : base(message)
    {
    }

    public LeadTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public LeadTransitionException(string leadId, LeadStatus status, string action, string detail)
        : base($"Lead {leadId}: '{action}' is not allowed in status {status}.")
    {
        Status = status;
        Detail = detail;
    }

    public LeadStatus Status { get; }

    /// <summary>What to do instead, in Chinese, for the problem detail.</summary>
    public string Detail { get; } = string.Empty;
}
