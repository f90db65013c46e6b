using RectifyFlows.Domain.Attendance;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Storage.Attendance;

/// <summary>
/// Attendance records by month (PK <c>yyyy-MM</c>, RK person id): one row per person and month, so a redelivered or
/// corrected record replaces the first instead of adding a second. <c>Status</c> is <c>breach</c> below the minimum.
/// </summary>
public sealed class AttendanceRepository(CycleTables tables)
{
    public const string Breach = "breach";

    public async Task SaveAsync(AttendanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.Attendance.UpsertEntityAsync(new JsonEntity
        {
            PartitionKey = record.Month,
            RowKey = record.PersonId,
            Kind = record.Role,
            Status = record.IsBreach ? Breach : "ok",
            UnitId = record.UnitId,
            Json = Json.Serialize(record),
        }, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<AttendanceRecord?> GetAsync(string month, string personId, CancellationToken cancellationToken)
    {
        var row = await tables.Attendance.GetEntityIfExistsAsync<JsonEntity>(month, personId, cancellationToken: cancellationToken);
        return row.HasValue ? Json.Deserialize<AttendanceRecord>(row.Value!.Json) : null;
    }

    /// <summary>A month's records, all or only breaches, optionally of one unit: one partition.</summary>
    public async Task<IReadOnlyList<AttendanceRecord>> ListAsync(string month, bool breachesOnly, string? unitId, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{LedgerKeys.Escape(month)}'"
            + (breachesOnly ? $" and Status eq '{Breach}'" : string.Empty)
            + (unitId is null ? string.Empty : $" and UnitId eq '{LedgerKeys.Escape(unitId)}'");
        var records = new List<AttendanceRecord>();
        await foreach (var row in tables.Attendance.QueryAsync<JsonEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(Json.Deserialize<AttendanceRecord>(row.Json));
        }

        return records;
    }
}
