using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Storage.Plans;

/// <summary>A stored plan as read back: header, categories, problems and the live measures.</summary>
public sealed record PlanView(
    string Id,
    string Title,
    string DistrictId,
    string DistrictName,
    DateOnly FeedbackDate,
    DateTimeOffset ImportedAt,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<Measure> Measures)
{
    /// <summary>The issuing office's unit id (format 1 plans: the district).</summary>
    public string OfficeId { get; init; } = DistrictId;

    /// <summary>The issuing office's name for headers (format 1 plans: the district's name).</summary>
    public string OfficeName { get; init; } = DistrictName;

    /// <summary>What the plan answers; report headers name it with <see cref="PlanSourceKinds.DisplayName"/>.</summary>
    public PlanSourceKind SourceKind { get; init; } = PlanSourceKind.Inspection;
    public string? SourceIssuer { get; init; }
    public IReadOnlyList<ProvenanceFlag> Provenance { get; init; } = [];
}
