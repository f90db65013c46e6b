using Azure.Data.Tables;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// Evidence submitted for a measure, a row in the plan's ledger partition (RK <c>evidence|measure|version|n</c>), its
/// fields as columns (<see cref="RecordColumns{T}"/>; the attachments as JSON).
/// </summary>
public static class EvidenceEntity
{
    private static readonly RecordColumns<Evidence> Columns = new();

    public static TableEntity From(Evidence evidence, string planId, string rowKey) => Columns.ToRow(evidence, planId, rowKey);

    public static Evidence ToEvidence(TableEntity row) => Columns.FromRow(row);
}
