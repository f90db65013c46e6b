namespace RectifyFlows.Domain.Plans;

// The plan file format (docs/plan-format.md, seeds/plan.schema.json) as it is read: every field nullable and
// every enum or date a string, so that validation can name each problem at once instead of failing on the first.
#pragma warning disable CA1002, CA2227 // DTOs of a JSON format: mutable lists are what the serializer fills.

/// <summary>A plan file as read from JSON, before validation.</summary>
public sealed class PlanDocument
{
    public int? FormatVersion { get; set; }
    public string? PlanId { get; set; }
    public string? Title { get; set; }
    public string? DistrictId { get; set; }
    public string? DistrictName { get; set; }
    public string? FeedbackDate { get; set; }
    public List<string>? Assumptions { get; set; }
    public List<UnitDocument?>? Units { get; set; }
    public List<OfficialDocument?>? Officials { get; set; }
    public List<CadreDocument?>? Cadres { get; set; }
    public List<SupervisionTeamDocument?>? SupervisionTeams { get; set; }
    public List<CategoryDocument?>? Categories { get; set; }

    // Format 2 only.

    /// <summary>The issuing office (a district or township unit of <see cref="Units"/>).</summary>
    public OfficeDocument? Office { get; set; }

    /// <summary>What the plan answers and who issued the findings.</summary>
    public SourceDocument? Source { get; set; }

    /// <summary>Projects the plan registers in the projects ledger.</summary>
    public List<RectifyFlows.Domain.Projects.ProjectDocument?>? Projects { get; set; }
}

/// <summary>Format 2: the office that issues the plan.</summary>
public sealed class OfficeDocument
{
    public string? UnitId { get; set; }

    /// <summary>The name report headers use; the office unit's name when absent.</summary>
    public string? Name { get; set; }
}

/// <summary>Format 2: the review the plan answers.</summary>
public sealed class SourceDocument
{
    /// <summary>inspection, patrol, effectivenessAssessment, audit or supervision.</summary>
    public string? Kind { get; set; }

    /// <summary>Who reviewed (省委第六巡视组, 省扶贫开发领导小组).</summary>
    public string? Issuer { get; set; }
}

/// <summary>A unit in a plan file.</summary>
public sealed class UnitDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? ParentId { get; set; }
    public bool? PoorVillage { get; set; }
    public bool? Synthetic { get; set; }
    public List<ContactDocument?>? Contacts { get; set; }

    /// <summary>Format 2: the unit belongs to another plan; this plan uses it and never overwrites it.</summary>
    public bool? Reference { get; set; }

    /// <summary>Format 2, kind group: the kind of the units the group stands for (village).</summary>
    public string? GroupOf { get; set; }

    /// <summary>Format 2: source, assumed, synthetic or reconstructed.</summary>
    public string? Provenance { get; set; }
}

/// <summary>A contact in a plan file.</summary>
public sealed class ContactDocument
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public string? WeComRobotKey { get; set; }
    public string? DingTalkRobotToken { get; set; }
    public List<string>? Channels { get; set; }
    public bool? Synthetic { get; set; }
}

/// <summary>A leading official in a plan file.</summary>
public sealed class OfficialDocument
{
    public string? Id { get; set; }
    public string? Role { get; set; }
    public string? Name { get; set; }
    public string? UnitId { get; set; }
    public bool? Synthetic { get; set; }
    public ContactDocument? Contact { get; set; }
    public string? Provenance { get; set; }
}

/// <summary>A village cadre in a plan file.</summary>
public sealed class CadreDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? UnitId { get; set; }
    public bool? Synthetic { get; set; }
}

/// <summary>A supervision team in a plan file.</summary>
public sealed class SupervisionTeamDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? Members { get; set; }
    public bool? Synthetic { get; set; }
    public ContactDocument? Contact { get; set; }
}

/// <summary>A category in a plan file.</summary>
public sealed class CategoryDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public bool? Inferred { get; set; }
    public string? Provenance { get; set; }
    public List<ProblemDocument?>? Problems { get; set; }
}

/// <summary>A problem in a plan file.</summary>
public sealed class ProblemDocument
{
    public string? Id { get; set; }
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Finding { get; set; }
    public bool? LongTerm { get; set; }
    public string? Provenance { get; set; }
    public List<MeasureDocument?>? Measures { get; set; }
}

/// <summary>A measure in a plan file.</summary>
public sealed class MeasureDocument
{
    public string? Id { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }
    public string? LeadOfficialId { get; set; }
    public string? LeadUnitId { get; set; }

    /// <summary>Format 2: several lead units, the first addressed first (instead of <see cref="LeadUnitId"/>).</summary>
    public List<string>? LeadUnitIds { get; set; }
    public List<string>? ResponsibleUnitIds { get; set; }
    public string? Provenance { get; set; }
    public string? Kind { get; set; }
    public string? DueDate { get; set; }
    public string? DueDateSource { get; set; }
    public string? DueDateNote { get; set; }
    public int? ReviewEveryMonths { get; set; }
    public List<EvidenceDocument?>? Evidence { get; set; }
}

/// <summary>A recorded result (整改成效) in a plan file.</summary>
public sealed class EvidenceDocument
{
    public string? Text { get; set; }
    public string? EffectiveDate { get; set; }
    public string? EffectiveDateSource { get; set; }
    public List<AttachmentDocument?>? Attachments { get; set; }
}

/// <summary>An attachment in a plan file.</summary>
public sealed class AttachmentDocument
{
    public string? Name { get; set; }
    public string? Url { get; set; }
}
#pragma warning restore CA1002, CA2227
