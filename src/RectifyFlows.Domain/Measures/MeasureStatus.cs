namespace RectifyFlows.Domain.Measures;

/// <summary>Where a measure is in its lifecycle (domain rule 1).</summary>
public enum MeasureStatus
{
    /// <summary>未启动: nothing reported yet.</summary>
    NotStarted,

    /// <summary>整改中: progress reported.</summary>
    InProgress,

    /// <summary>已报送成效: evidence submitted, waiting for review.</summary>
    EvidenceSubmitted,

    /// <summary>已销号: reviewed and closed. Long-term measures never reach this state.</summary>
    SignedOff,

    /// <summary>已退回: review sent it back for redo.</summary>
    Returned,
}
