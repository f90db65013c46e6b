namespace RectifyFlows.Domain.Measures;

/// <summary>An action that the measure's current status does not allow (e.g. sign-off without evidence).</summary>
public sealed class IllegalTransitionException : InvalidOperationException
{
    public IllegalTransitionException(string measureId, MeasureStatus status, string action, string detail)
        : base($"Measure {measureId}: '{action}' is not allowed in status {status}. {detail}")
    {
        MeasureId = measureId;
        Status = status;
        Action = action;
        Detail = detail;
    }

    public IllegalTransitionException()
    {
        MeasureId = Action = Detail = string.Empty;
    }

    public IllegalTransitionException(string message) : base(message)
    {
        MeasureId = Action = Detail = string.Empty;
    }

    public IllegalTransitionException(string message, Exception innerException) : base(message, innerException)
    {
        MeasureId = Action = Detail = string.Empty;
    }

    public string MeasureId { get; }
    public MeasureStatus Status { get; }
    public string Action { get; }

    /// <summary>What the caller should do instead, in Chinese, for the problem detail.</summary>
    public string Detail { get; }
}
