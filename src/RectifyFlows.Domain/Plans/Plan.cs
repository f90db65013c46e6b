using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Plans;

/// <summary>A validated rectification plan (整改方案) with everything it refers to.</summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string DistrictId { get; init; }
    public required string DistrictName { get; init; }
    public required DateOnly FeedbackDate { get; init; }

    /// <summary>
    /// The issuing office's unit id (a district or a township): the plan's cycles, reports and unit listing belong to
    /// it. Format 1 files: the district. Defaults to <see cref="DistrictId"/> when not set.
    /// </summary>
    public string OfficeId
    {
        get => string.IsNullOrEmpty(_officeId) ? DistrictId : _officeId;
        init => _officeId = value;
    }

    /// <summary>The issuing office's name for report headers (赣县区, 某某乡). Defaults to <see cref="DistrictName"/>.</summary>
    public string OfficeName
    {
        get => string.IsNullOrEmpty(_officeName) ? DistrictName : _officeName;
        init => _officeName = value;
    }

    /// <summary>What the plan answers (巡视, 成效考核, …); format 1 files: <see cref="PlanSourceKind.Inspection"/>.</summary>
    public PlanSourceKind SourceKind { get; init; } = PlanSourceKind.Inspection;

    /// <summary>Who carried out the review the plan answers (省委第六巡视组), when the file names it.</summary>
    public string? SourceIssuer { get; init; }

    /// <summary>Items the source does not state, by id: assumed (inferred from the text) or synthetic (made up).</summary>
    public IReadOnlyList<ProvenanceFlag> Provenance { get; init; } = [];

    /// <summary>Projects the plan file registers (format 2's optional block).</summary>
    public IReadOnlyList<Project> Projects { get; init; } = [];
    public IReadOnlyList<string> Assumptions { get; init; } = [];
    public IReadOnlyList<Category> Categories { get; init; } = [];
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Measures as defined by the plan, in their initial state (<see cref="MeasureStatus.NotStarted"/>).</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>Results the plan already records (the report's 整改成效), applied when a measure is first imported.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public IReadOnlyList<Unit> Units { get; init; } = [];
    public IReadOnlyList<Official> Officials { get; init; } = [];
    public IReadOnlyList<Cadre> Cadres { get; init; } = [];
    public IReadOnlyList<SupervisionTeam> SupervisionTeams { get; init; } = [];

    /// <summary>
    /// Units the plan uses but does not own (format 2 <c>reference: true</c>): their records belong to the plan that
    /// declares them and an import of this plan never overwrites them.
    /// </summary>
    public IReadOnlySet<string> ReferencedUnitIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    private readonly string? _officeId;
    private readonly string? _officeName;
}
