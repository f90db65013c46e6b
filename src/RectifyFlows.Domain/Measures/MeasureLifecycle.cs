namespace RectifyFlows.Domain.Measures;

/// <summary>
/// The legal moves of domain rule 1: NotStarted → InProgress → EvidenceSubmitted → SignedOff, or → Returned →
/// InProgress. Each method returns the new state and every transition it made, or throws
/// <see cref="IllegalTransitionException"/> and changes nothing.
/// </summary>
public static class MeasureLifecycle
{
    /// <summary>A unit reports progress (0–100). Starts or resumes the work; not allowed while under review or closed.</summary>
    public static LifecycleOutcome ReportProgress(Measure measure, int percent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);

        var transitions = new List<StatusTransition>();
        switch (measure.Status)
        {
            case MeasureStatus.NotStarted:
                transitions.Add(new(MeasureStatus.NotStarted, MeasureStatus.InProgress, "progress reported"));
                break;
            case MeasureStatus.Returned:
                transitions.Add(new(MeasureStatus.Returned, MeasureStatus.InProgress, "work resumed after return"));
                break;
            case MeasureStatus.InProgress:
                break;
            case MeasureStatus.EvidenceSubmitted:
                throw new IllegalTransitionException(measure.Id, measure.Status, "progress",
                    "整改成效已报送，正在审核，审核前不能再报送进度。");
            default:
                throw new IllegalTransitionException(measure.Id, measure.Status, "progress",
                    "该措施已销号，不能再报送进度。");
        }

        return new(Touch(measure, at) with { Status = MeasureStatus.InProgress, Progress = percent }, transitions);
    }

    /// <summary>
    /// A unit submits evidence. From NotStarted or Returned the work is taken as having been in progress, so the
    /// audit shows both steps of the rule rather than a shortcut.
    /// </summary>
    public static LifecycleOutcome SubmitEvidence(Measure measure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measure);

        var transitions = new List<StatusTransition>();
        switch (measure.Status)
        {
            case MeasureStatus.NotStarted:
            case MeasureStatus.Returned:
                transitions.Add(new(measure.Status, MeasureStatus.InProgress, "evidence submitted"));
                break;
            case MeasureStatus.InProgress:
                break;
            case MeasureStatus.EvidenceSubmitted:
                throw new IllegalTransitionException(measure.Id, measure.Status, "evidence",
                    "整改成效已报送，正在审核；如需补充，请等待退回后重新报送。");
            default:
                throw new IllegalTransitionException(measure.Id, measure.Status, "evidence",
                    "该措施已销号，不能再报送整改成效。");
        }

        transitions.Add(new(MeasureStatus.InProgress, MeasureStatus.EvidenceSubmitted, "evidence submitted"));
        var progress = measure.Kind == MeasureKind.LongTerm ? measure.Progress : 100;
        return new(Touch(measure, at) with { Status = MeasureStatus.EvidenceSubmitted, Progress = progress }, transitions);
    }

    /// <summary>
    /// The office accepts submitted evidence. A deadline or immediate measure is signed off (销号); a long-term
    /// measure is never closed: it is verified and gets its next review date.
    /// </summary>
    public static LifecycleOutcome Accept(Measure measure, DateOnly today, DateTimeOffset at, string comment)
    {
        ArgumentNullException.ThrowIfNull(measure);
        RequireEvidence(measure, "signoff");

        if (measure.Kind == MeasureKind.LongTerm)
        {
            var next = today.AddMonths(measure.ReviewEveryMonths ?? 3);
            var verified = Touch(measure, at) with
            {
                Status = MeasureStatus.InProgress,
                LastVerifiedOn = today,
                NextReview = next,
            };
            return new(verified, [new(MeasureStatus.EvidenceSubmitted, MeasureStatus.InProgress,
                $"long-term measure verified, next review {next:yyyy-MM-dd}. {comment}".Trim())]);
        }

        return new(Touch(measure, at) with { Status = MeasureStatus.SignedOff, Progress = 100 },
            [new(MeasureStatus.EvidenceSubmitted, MeasureStatus.SignedOff, comment)]);
    }

    /// <summary>The office returns submitted evidence for redo, optionally with a new due date (not in the past).</summary>
    public static LifecycleOutcome Return(Measure measure, DateOnly today, DateOnly? newDueDate, DateTimeOffset at, string comment)
    {
        ArgumentNullException.ThrowIfNull(measure);
        RequireEvidence(measure, "return");
        if (newDueDate is { } due && due < today)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "return",
                $"新的整改时限 {due:yyyy-MM-dd} 早于今天 {today:yyyy-MM-dd}。");
        }

        var returned = Touch(measure, at) with { Status = MeasureStatus.Returned, DueDate = newDueDate ?? measure.DueDate };
        if (measure.Kind == MeasureKind.LongTerm && newDueDate is not null)
        {
            returned = returned with { NextReview = newDueDate };
        }

        return new(returned, [new(MeasureStatus.EvidenceSubmitted, MeasureStatus.Returned, comment)]);
    }

    /// <summary>
    /// A unit asks to move the due date (延期申请): only before the due date, to a later date, one request at a time,
    /// and not once the work is under review or closed. The status does not change.
    /// </summary>
    public static LifecycleOutcome RequestExtension(Measure measure, DateOnly newDueDate, string reason, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Status is MeasureStatus.SignedOff or MeasureStatus.EvidenceSubmitted)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "extension", "整改成效已报送或已销号，无需延期。");
        }

        if (today > measure.EffectiveDueDate)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "extension",
                $"延期申请须在整改时限（{measure.EffectiveDueDate:yyyy-MM-dd}）之前提出。");
        }

        if (newDueDate <= measure.EffectiveDueDate)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "extension",
                $"申请的新时限 {newDueDate:yyyy-MM-dd} 须晚于现时限 {measure.EffectiveDueDate:yyyy-MM-dd}。");
        }

        if (measure.RequestedDueDate is not null)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "extension", "已有待审批的延期申请。");
        }

        return new(Touch(measure, at) with { RequestedDueDate = newDueDate, ExtensionReason = reason }, []);
    }

    /// <summary>The office decides a pending extension: approved moves the due date, refused keeps it.</summary>
    public static LifecycleOutcome DecideExtension(Measure measure, bool approve, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.RequestedDueDate is not { } requested)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, "extension-decision", "没有待审批的延期申请。");
        }

        var decided = Touch(measure, at) with { RequestedDueDate = null, ExtensionReason = null };
        if (approve)
        {
            decided = measure.Kind == MeasureKind.LongTerm && measure.NextReview is not null
                ? decided with { NextReview = requested }
                : decided with { DueDate = requested };
        }

        return new(decided, []);
    }

    /// <summary>
    /// The office corrects the ledger (台账 edited in a spreadsheet and uploaded): progress follows the same rules as a
    /// unit's report, and the due date is set directly because deadlines are the office's to set. Returns the measure
    /// unchanged (same version, no transitions) when both values already match, so an untouched row writes nothing.
    /// </summary>
    public static LifecycleOutcome CorrectLedger(Measure measure, int progress, DateOnly dueDate, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var result = new LifecycleOutcome(measure, []);
        if (progress != measure.Progress)
        {
            result = ReportProgress(measure, progress, at);
        }

        if (dueDate != measure.EffectiveDueDate)
        {
            if (measure.Status == MeasureStatus.SignedOff)
            {
                throw new IllegalTransitionException(measure.Id, measure.Status, "ledger", "该措施已销号，不能修改整改时限。");
            }

            // A due-date correction is not the unit's activity, so it bumps the version without touching LastActivityAt.
            var corrected = progress == measure.Progress ? measure with { Version = measure.Version + 1 } : result.Measure;
            corrected = measure.Kind == MeasureKind.LongTerm && measure.NextReview is not null
                ? corrected with { NextReview = dueDate }
                : corrected with { DueDate = dueDate };
            result = result with { Measure = corrected };
        }

        return result;
    }

    private static void RequireEvidence(Measure measure, string action)
    {
        if (measure.Status != MeasureStatus.EvidenceSubmitted)
        {
            throw new IllegalTransitionException(measure.Id, measure.Status, action,
                measure.Status == MeasureStatus.SignedOff
                    ? "该措施已销号。"
                    : "尚未报送整改成效，不能审核销号或退回。");
        }
    }

    private static Measure Touch(Measure measure, DateTimeOffset at) =>
        measure with { LastActivityAt = at, Version = measure.Version + 1 };
}
