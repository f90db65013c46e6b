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
    IReadOnlyList<Measure> Measures);
