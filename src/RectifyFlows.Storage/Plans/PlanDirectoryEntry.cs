using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Storage.Plans;

/// <summary>One imported plan as the cycles see it: its office (district or township), its district and its source.</summary>
public sealed record PlanDirectoryEntry
{
    public required string PlanId { get; init; }
    public required string DistrictId { get; init; }

    /// <summary>The issuing office's unit id; its unit listing is <c>UnitRepository.ListByOfficeAsync(OfficeId)</c>.</summary>
    public required string OfficeId { get; init; }
    public required string OfficeName { get; init; }
    public PlanSourceKind SourceKind { get; init; } = PlanSourceKind.Inspection;
    public string Title { get; init; } = string.Empty;

    /// <summary>Lets callers written before offices existed keep <c>foreach (var (planId, districtId) in …)</c>.</summary>
    public void Deconstruct(out string planId, out string districtId)
    {
        planId = PlanId;
        districtId = DistrictId;
    }
}
