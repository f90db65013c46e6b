namespace RectifyFlows.Domain.Plans;

/// <summary>整改成效: what a unit reports as done for a measure, with the date it took effect.</summary>
public sealed record Evidence
{
    public required string MeasureId { get; init; }
    public required string Text { get; init; }
    public required DateOnly EffectiveDate { get; init; }
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
    public required string SubmittedBy { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
