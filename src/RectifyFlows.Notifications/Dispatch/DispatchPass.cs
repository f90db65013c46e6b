namespace RectifyFlows.Notifications.Dispatch;

/// <summary>The running counts of one dispatcher pass, and the index rows already delivered in a digest during it.</summary>
internal sealed class DispatchPass
{
    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Dead { get; set; }

    public int Skipped { get; set; }

    /// <summary>Index rows delivered as members of a digest earlier in this pass: not sent again on their own.</summary>
    public HashSet<string> Folded { get; } = new(StringComparer.Ordinal);

    public DispatchResult Result => new(Sent, Failed, Dead, Skipped);
}
