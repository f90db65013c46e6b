using System.Text.Json;
using Azure.Data.Tables;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// A measure as a table row. The same columns serve the ledger row (PK plan, RK <c>measure|id</c>) and its projections
/// (by unit, by due date), which differ only in their keys: the measure's fields (<see cref="RecordColumns{T}"/>), its
/// id as <c>MeasureId</c>, and its lead units as a JSON list only when there are several (plan format 2) — one lead
/// unit is <c>LeadUnitId</c> alone, as rows written before format 2 have it.
/// </summary>
public static class MeasureEntity
{
    public const string VersionColumn = nameof(Measure.Version);

    private static readonly RecordColumns<Measure> Columns = new RecordColumns<Measure>()
        .Rename(nameof(Measure.Id), "MeasureId")
        .Write(nameof(Measure.LeadUnitIds), m => m.LeadUnitIds.Count > 1 ? JsonSerializer.Serialize(m.LeadUnitIds) : null);

    public static TableEntity From(Measure measure, string partitionKey, string rowKey) => Columns.ToRow(measure, partitionKey, rowKey);

    public static Measure ToMeasure(TableEntity row) => Columns.FromRow(row);

    /// <summary>The version a stored copy carries (0 for none): a projection is only replaced by a newer one.</summary>
    public static long VersionOf(TableEntity row) => row?.GetInt64(VersionColumn) ?? 0;
}
