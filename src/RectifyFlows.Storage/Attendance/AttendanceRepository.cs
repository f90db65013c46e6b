using Azure.Data.Tables;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Storage.Attendance;

/// <summary>
/// Attendance records by month (PK <c>yyyy-MM</c>, RK person id): one row per person and month, so a corrected record
/// (a new event) replaces the first instead of adding a second; a webhook's event record (<c>audit|webhook|…</c>) sits
/// beside it, so a redelivered event changes nothing. <c>Status</c> is <c>breach</c> below the minimum.
/// </summary>
public sealed class AttendanceRepository(FeatureTables tables)
{
    public const string Breach = "breach";

    public async Task SaveAsync(AttendanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.Attendance.UpsertEntityAsync(Row(record), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Stores a webhook's record together with the event's record and response (<see cref="WebhookEventRows"/>) in one
    /// transaction: one round trip that is also the replay check. A replay (the event recorded before) writes nothing
    /// and returns the first response.
    /// </summary>
    public async Task<(bool Stored, StoredResponse Response)> SaveAsync(
        AttendanceRecord record, string source, string eventId, StoredResponse response, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await tables.Attendance.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, Row(record)),
                WebhookEventRows.Insert(record.Month, source, eventId, response, receivedAt),
            ], cancellationToken);
            return (true, response);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The event record is the transaction's only insert: it exists, so this is a replay.
            return (false, await FindResponseAsync(record.Month, source, eventId, cancellationToken) ?? response);
        }
    }

    /// <summary>The response first given to a webhook event of the month (one point read), or null.</summary>
    public Task<StoredResponse?> FindResponseAsync(string month, string source, string eventId, CancellationToken cancellationToken) =>
        WebhookEventRows.FindAsync(tables.Attendance, month, source, eventId, cancellationToken);

    private static JsonEntity Row(AttendanceRecord record) => new()
    {
        PartitionKey = record.Month,
        RowKey = record.PersonId,
        Kind = record.Role,
        Status = record.IsBreach ? Breach : "ok",
        UnitId = record.UnitId,
        Json = RowJson.Serialize(record),
    };

    public Task<AttendanceRecord?> GetAsync(string month, string personId, CancellationToken cancellationToken) =>
        tables.Attendance.FindDocumentAsync<AttendanceRecord>(month, personId, cancellationToken);

    /// <summary>A month's records, all or only breaches, optionally of one unit: one partition.</summary>
    public async Task<IReadOnlyList<AttendanceRecord>> ListAsync(string month, bool breachesOnly, string? unitId, CancellationToken cancellationToken)
    {
        // The month's webhook event records sort in the audit range; they are not records.
        var filter = LedgerKeys.Audits.ExceptFilter(month)
            + (breachesOnly ? TableClient.CreateQueryFilter($" and Status eq {Breach}") : string.Empty)
            + (unitId is null ? string.Empty : TableClient.CreateQueryFilter($" and UnitId eq {unitId}"));
        var records = new List<AttendanceRecord>();
        await foreach (var row in tables.Attendance.QueryAsync<JsonEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(RowJson.Deserialize<AttendanceRecord>(row.Json));
        }

        return records;
    }
}
