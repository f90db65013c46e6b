using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Audit;

namespace RectifyFlows.Api.Measures;

/// <summary>A measure as the API shows it (enums by their camelCase names, see <see cref="ApiJson"/>), with its colour and overdue days computed for today (China Standard Time).</summary>
public sealed record MeasureResponse(
    string Id,
    string PlanId,
    string CategoryId,
    string ProblemId,
    int Number,
    string Text,
    MeasureKind Kind,
    string LeadOfficialId,
    string LeadUnitId,
    IReadOnlyList<string> LeadUnitIds,
    IReadOnlyList<string> ResponsibleUnitIds,
    DateOnly StartDate,
    DateOnly DueDate,
    MeasureStatus Status,
    int Progress,
    Colour Colour,
    bool Overdue,
    int DaysOverdue,
    DateTimeOffset? LastActivityAt,
    DateOnly? NextReview,
    DateOnly? LastVerifiedOn,
    DateOnly? RequestedDueDate,
    long Version)
{
    public static MeasureResponse From(Measure measure, DateOnly today, ColourOptions colours)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var overdue = measure.IsOverdue(today);
        return new(
            measure.Id, measure.PlanId, measure.CategoryId, measure.ProblemId, measure.Number, measure.Text,
            measure.Kind, measure.LeadOfficialId, measure.LeadUnitId, measure.LeadUnitIds, measure.ResponsibleUnitIds,
            measure.StartDate, measure.EffectiveDueDate, measure.Status, measure.Progress,
            ColourRule.Evaluate(measure, today, colours), overdue,
            measure.DaysOverdue(today),
            measure.LastActivityAt is { } at ? ChinaTime.ToChinaTime(at) : null, measure.NextReview, measure.LastVerifiedOn, measure.RequestedDueDate, measure.Version);
    }

}

/// <summary>A measure with its audit history and evidence.</summary>
public sealed record MeasureDetailResponse(MeasureResponse Measure, IReadOnlyList<HistoryEntry> History, IReadOnlyList<Evidence> Evidence);

/// <summary>One audit event of a measure.</summary>
public sealed record HistoryEntry(
    DateTimeOffset At, string Actor, string Action, string? FromStatus, string? ToStatus, string? Reason,
    IReadOnlyDictionary<string, string?[]> Changes)
{
    /// <summary>The audit row keeps the statuses as enum names (text); the contract spells them camelCase.</summary>
    public static HistoryEntry From(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(ChinaTime.ToChinaTime(e.At), e.Actor, e.Action,
            e.FromStatus is null ? null : JsonNames.Camel(e.FromStatus),
            e.ToStatus is null ? null : JsonNames.Camel(e.ToStatus), e.Reason, e.Changes);
    }
}
