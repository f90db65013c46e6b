namespace RectifyFlows.Domain.Actions;

/// <summary>A change the action's status does not allow (reporting a done action done again); the API answers 409.</summary>
public sealed class ActionTransitionException : InvalidOperationException
{
    public ActionTransitionException()
    {
    }

    public ActionTransitionException(string message) : base(message)
    {
    }

    public ActionTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ActionTransitionException(string actionId, string status, string change, string detail)
        : base($"Action {actionId}: '{change}' is not allowed in status {status}.")
    {
        Status = status;
        Detail = detail;
    }

    public string Status { get; } = string.Empty;

    /// <summary>What to do instead, in Chinese, for the problem detail.</summary>
    public string Detail { get; } = string.Empty;
}
