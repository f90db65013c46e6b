using System.Text.Json;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>Evidence submitted for a measure, a row in the plan's ledger partition (RK <c>evidence|measure|version|n</c>).</summary>
public sealed class EvidenceEntity : TableRow
{
    public string MeasureId { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public string EffectiveDate { get; set; } = string.Empty;
    public string Attachments { get; set; } = "[]";
    public string SubmittedBy { get; set; } = string.Empty;
    public DateTimeOffset SubmittedAt { get; set; }

    public static EvidenceEntity From(Evidence evidence, string planId, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceEntity
        {
            PartitionKey = planId,
            RowKey = rowKey,
            MeasureId = evidence.MeasureId,
            Text = evidence.Text,
            EffectiveDate = TableDates.Format(evidence.EffectiveDate),
            Attachments = JsonSerializer.Serialize(evidence.Attachments),
            SubmittedBy = evidence.SubmittedBy,
            SubmittedAt = evidence.SubmittedAt,
        };
    }

    public Evidence ToEvidence() => new()
    {
        MeasureId = MeasureId,
        Text = Text,
        EffectiveDate = TableDates.Parse(EffectiveDate),
        Attachments = JsonSerializer.Deserialize<Attachment[]>(Attachments) ?? [],
        SubmittedBy = SubmittedBy,
        SubmittedAt = SubmittedAt,
    };
}
