using System.Globalization;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// The input of a ladder shared by the actions one cycle step opened with one due date (ADR 0020): its instance id,
/// the due date, its members (fixed when it starts), and how many times it has restarted (for the log).
/// </summary>
public sealed record SharedLadderInput(string Ladder, DateOnly DueDate, IReadOnlyList<ItemRef> Items, int Generation = 0)
{
    /// <summary>
    /// The shared ladder of the actions <paramref name="source"/> opened due on <paramref name="dueDate"/>:
    /// <c>escalation-actions-monthly-d001-2017-03-20170420</c>.
    /// </summary>
    public static string IdFor(string source, DateOnly dueDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{ItemRef.EscalationInstancePrefix}actions-{source}-{dueDate:yyyyMMdd}");
}

/// <summary>The members that still need action, and the fire times of every step for the ladder's due date.</summary>
public sealed record SharedLadderState(IReadOnlyList<ItemRef> Open, IReadOnlyList<EscalationStep> Steps);

/// <summary>One step for the members still open.</summary>
public sealed record SharedStepRequest(IReadOnlyList<ItemRef> Items, DateOnly DueDate, EscalationStep Step);

/// <summary>What a shared step did: the members it found still open (the next step's), and the messages it wrote.</summary>
public sealed record SharedStepResult(IReadOnlyList<ItemRef> StillOpen, int MessagesWritten);
