using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Domain.Actions;

/// <summary>
/// How an action was carried out (约谈已进行、检查已提交、督办事项已办结): the date, an account of it and the files that
/// prove it, and who reported it when.
/// </summary>
public sealed record ActionCompletion
{
    /// <summary>The day it was carried out (China time), not after the day it was reported.</summary>
    public required DateOnly CompletedOn { get; init; }
    public required string Note { get; init; }
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The principal of the key that reported it (a unit's, or the office's operator).</summary>
    public required string ReportedBy { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
}
