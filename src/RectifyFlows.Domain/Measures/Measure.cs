namespace RectifyFlows.Domain.Measures;

/// <summary>One rectification measure (整改措施) as the ledger tracks it: its definition and its live state.</summary>
public sealed record Measure
{
    public required string Id { get; init; }
    public required string PlanId { get; init; }
    public required string CategoryId { get; init; }
    public required string ProblemId { get; init; }
    public required int Number { get; init; }
    public required string Text { get; init; }
    public required MeasureKind Kind { get; init; }
    /// <summary>The leading official (牵头领导); empty when the plan names none (format 2 allows that).</summary>
    public required string LeadOfficialId { get; init; }

    /// <summary>The first lead unit (牵头单位): the one addressed first and shown where one name fits.</summary>
    public required string LeadUnitId { get; init; }

    /// <summary>Every lead unit, <see cref="LeadUnitId"/> first (牵头单位:扶贫办、村建所); just it unless set.</summary>
    public IReadOnlyList<string> LeadUnitIds
    {
        get => _leadUnitIds is { Count: > 0 } leads ? leads : [LeadUnitId];
        init => _leadUnitIds = value;
    }

    /// <summary>Whether the plan names a leading official.</summary>
    public bool HasLeadOfficial => !string.IsNullOrEmpty(LeadOfficialId);
    public IReadOnlyList<string> ResponsibleUnitIds { get; init; } = [];

    /// <summary>When work on the measure could start: the plan's feedback date. The linear plan runs from here.</summary>
    public required DateOnly StartDate { get; init; }
    public required DateOnly DueDate { get; init; }

    /// <summary>For long-term measures: months between re-verifications.</summary>
    public int? ReviewEveryMonths { get; init; }

    public MeasureStatus Status { get; init; } = MeasureStatus.NotStarted;

    /// <summary>Reported progress, 0–100.</summary>
    public int Progress { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>For long-term measures: the date of the next re-verification, set each time one is accepted.</summary>
    public DateOnly? NextReview { get; init; }
    public DateOnly? LastVerifiedOn { get; init; }

    /// <summary>延期申请: the due date a unit asked for, waiting for a decision.</summary>
    public DateOnly? RequestedDueDate { get; init; }
    public string? ExtensionReason { get; init; }

    /// <summary>Monotonic version, bumped on every state change; projections use it to ignore stale copies.</summary>
    public long Version { get; init; }

    /// <summary>The lead unit and every responsible unit, each once.</summary>
    public IEnumerable<string> UnitIds => LeadUnitIds.Concat(ResponsibleUnitIds).Distinct(StringComparer.Ordinal);

    /// <summary>The date the measure is judged against: a long-term measure's next review once it has one.</summary>
    public DateOnly EffectiveDueDate => Kind == MeasureKind.LongTerm && NextReview is { } review ? review : DueDate;

    /// <summary>
    /// The day evidence awaiting sign-off was submitted (China Standard Time): in that state nothing else moves the
    /// measure, so its last activity is the submission. Null in any other state — a return restarts the clock.
    /// </summary>
    public DateOnly? EvidenceSubmittedOn =>
        Status == MeasureStatus.EvidenceSubmitted && LastActivityAt is { } at ? Time.ChinaTime.DateOf(at) : null;

    /// <summary>Evidence submitted on or before the due date stops the overdue clock while it awaits sign-off.</summary>
    public bool ClockStopped => EvidenceSubmittedOn is { } submitted && submitted <= EffectiveDueDate;

    /// <summary>
    /// Overdue: the due date has passed, the measure is not signed off and no evidence submitted on time awaits
    /// sign-off (domain rule 1, with rule 3's "evidence submitted stops the ladder").
    /// </summary>
    public bool IsOverdue(DateOnly today) => Status != MeasureStatus.SignedOff && !ClockStopped && today > EffectiveDueDate;

    /// <summary>Days past due, counted up to today or, for evidence submitted late, up to its submission (0 if not overdue).</summary>
    public int DaysOverdue(DateOnly today)
    {
        if (!IsOverdue(today))
        {
            return 0;
        }

        var until = EvidenceSubmittedOn is { } submitted && submitted < today ? submitted : today;
        return Math.Max(0, until.DayNumber - EffectiveDueDate.DayNumber);
    }

    /// <summary>Whether the unit may act on this measure (it leads it or is responsible for it).</summary>
    public bool Involves(string unitId) => UnitIds.Contains(unitId, StringComparer.Ordinal);

    private readonly IReadOnlyList<string>? _leadUnitIds;
}
