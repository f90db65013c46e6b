using System.Text.Json;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// A measure as a table row. The same shape serves the ledger row (PK plan, RK <c>measure|id</c>) and its
/// projections (by unit, by due date), which differ only in their keys.
/// </summary>
public sealed class MeasureEntity : TableRow
{
    public string MeasureId { get; set; } = string.Empty;
    public string PlanId { get; set; } = string.Empty;
    public string CategoryId { get; set; } = string.Empty;
    public string ProblemId { get; set; } = string.Empty;
    public int Number { get; set; }
    public string Text { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string LeadOfficialId { get; set; } = string.Empty;
    public string LeadUnitId { get; set; } = string.Empty;

    /// <summary>JSON array of every lead unit when there are several (plan format 2); null for one.</summary>
    public string? LeadUnitIds { get; set; }

    /// <summary>JSON array: Table Storage has no list type.</summary>
    public string ResponsibleUnitIds { get; set; } = "[]";
    public string StartDate { get; set; } = string.Empty;
    public string DueDate { get; set; } = string.Empty;
    public int? ReviewEveryMonths { get; set; }
    public string Status { get; set; } = string.Empty;
    public int Progress { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }
    public string? NextReview { get; set; }
    public string? LastVerifiedOn { get; set; }
    public long Version { get; set; }
    public string? RequestedDueDate { get; set; }
    public string? ExtensionReason { get; set; }

    public static MeasureEntity From(Measure measure, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new MeasureEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            MeasureId = measure.Id,
            PlanId = measure.PlanId,
            CategoryId = measure.CategoryId,
            ProblemId = measure.ProblemId,
            Number = measure.Number,
            Text = measure.Text,
            Kind = measure.Kind.ToString(),
            LeadOfficialId = measure.LeadOfficialId,
            LeadUnitId = measure.LeadUnitId,
            LeadUnitIds = measure.LeadUnitIds.Count > 1 ? JsonSerializer.Serialize(measure.LeadUnitIds) : null,
            ResponsibleUnitIds = JsonSerializer.Serialize(measure.ResponsibleUnitIds),
            StartDate = TableDates.Format(measure.StartDate),
            DueDate = TableDates.Format(measure.DueDate),
            ReviewEveryMonths = measure.ReviewEveryMonths,
            Status = measure.Status.ToString(),
            Progress = measure.Progress,
            LastActivityAt = measure.LastActivityAt,
            NextReview = TableDates.Format(measure.NextReview),
            LastVerifiedOn = TableDates.Format(measure.LastVerifiedOn),
            Version = measure.Version,
            RequestedDueDate = TableDates.Format(measure.RequestedDueDate),
            ExtensionReason = measure.ExtensionReason,
        };
    }

    public Measure ToMeasure() => new()
    {
        Id = MeasureId,
        PlanId = PlanId,
        CategoryId = CategoryId,
        ProblemId = ProblemId,
        Number = Number,
        Text = Text,
        Kind = Enum.Parse<MeasureKind>(Kind),
        LeadOfficialId = LeadOfficialId,
        LeadUnitId = LeadUnitId,
        LeadUnitIds = LeadUnitIds is null ? [] : JsonSerializer.Deserialize<string[]>(LeadUnitIds) ?? [],
        ResponsibleUnitIds = JsonSerializer.Deserialize<string[]>(ResponsibleUnitIds) ?? [],
        StartDate = TableDates.Parse(StartDate),
        DueDate = TableDates.Parse(DueDate),
        ReviewEveryMonths = ReviewEveryMonths,
        Status = Enum.Parse<MeasureStatus>(Status),
        Progress = Progress,
        LastActivityAt = LastActivityAt,
        NextReview = TableDates.ParseOptional(NextReview),
        LastVerifiedOn = TableDates.ParseOptional(LastVerifiedOn),
        Version = Version,
        RequestedDueDate = TableDates.ParseOptional(RequestedDueDate),
        ExtensionReason = ExtensionReason,
    };
}
