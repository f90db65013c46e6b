using System.Text.Json;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>
/// The plan's header row (RK <c>plan</c>). Written last by an import, with the fingerprint of the file it came
/// from: a re-import of the same content is recognised with one read and writes nothing.
/// </summary>
public sealed class PlanEntity : TableRow
{
    public string Title { get; set; } = string.Empty;
    public string DistrictId { get; set; } = string.Empty;
    public string DistrictName { get; set; } = string.Empty;
    public string FeedbackDate { get; set; } = string.Empty;

    /// <summary>The issuing office (district or township unit id); empty on rows written before offices existed.</summary>
    public string OfficeId { get; set; } = string.Empty;
    public string OfficeName { get; set; } = string.Empty;

    /// <summary>A <see cref="Domain.Plans.PlanSourceKind"/> name; empty on old rows (inspection).</summary>
    public string SourceKind { get; set; } = string.Empty;
    public string? SourceIssuer { get; set; }

    /// <summary>JSON list of <see cref="Domain.Plans.ProvenanceFlag"/>.</summary>
    public string Provenance { get; set; } = "[]";
    public string Assumptions { get; set; } = "[]";
    public string Fingerprint { get; set; } = string.Empty;
    public int MeasureCount { get; set; }
    public int ProblemCount { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    public IReadOnlyList<string> AssumptionList() => JsonSerializer.Deserialize<string[]>(Assumptions) ?? [];

    public DateOnly Feedback() => TableDates.Parse(FeedbackDate);

    /// <summary>The office, falling back to the district for rows written before offices existed.</summary>
    public string Office() => string.IsNullOrEmpty(OfficeId) ? DistrictId : OfficeId;

    public string OfficeDisplayName() => string.IsNullOrEmpty(OfficeName) ? DistrictName : OfficeName;

    public Domain.Plans.PlanSourceKind Source() => Domain.Plans.PlanSourceKinds.Parse(SourceKind) ?? Domain.Plans.PlanSourceKind.Inspection;

    public IReadOnlyList<Domain.Plans.ProvenanceFlag> ProvenanceList() =>
        JsonSerializer.Deserialize<Domain.Plans.ProvenanceFlag[]>(string.IsNullOrEmpty(Provenance) ? "[]" : Provenance) ?? [];
}
