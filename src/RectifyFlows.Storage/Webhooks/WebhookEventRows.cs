using Azure.Data.Tables;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Storage.Webhooks;

/// <summary>
/// A webhook event's record kept in the partition its change is written to (issue 13), so the change, the replay check
/// and the record of the first response are one entity-group transaction: the record is an insert, which fails for a
/// replay and takes the change down with it. Its row key sorts in the partition's audit range (<c>audit|webhook|…</c>),
/// which every reader of these partitions already leaves out.
/// </summary>
public static class WebhookEventRows
{
    private const string StatusColumn = "ResponseStatus";
    private const string BodyColumn = "ResponseBody";

    /// <summary>The columns that record a response, for a point read's select.</summary>
    public static IReadOnlyList<string> ResponseColumns { get; } = [StatusColumn, BodyColumn];

    /// <summary>The row key of an event of <paramref name="source"/> in a partition.</summary>
    public static string RowKey(string source, string eventId) => LedgerKeys.Audits.Then("webhook").Then(source).Key(eventId);

    /// <summary>The insert that records the event with its response.</summary>
    public static TableTransactionAction Insert(string partitionKey, string source, string eventId, StoredResponse response, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        var row = new TableEntity(partitionKey, RowKey(source, eventId)) { ["ReceivedAt"] = receivedAt };
        Record(row, response);
        return new(TableTransactionActionType.Add, row);
    }

    /// <summary>Records the response in a row: an event's record, or a row that is its own (an inspection result).</summary>
    public static void Record(TableEntity row, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(response);
        row[StatusColumn] = response.Status;
        row[BodyColumn] = response.Body;
    }

    /// <summary>The response a row records, or null when it records none (a row written before responses were kept).</summary>
    public static StoredResponse? ResponseOf(TableEntity row) =>
        row?.GetString(BodyColumn) is { } body ? new StoredResponse(row.GetInt32(StatusColumn) ?? 202, body) : null;

    /// <summary>The first response recorded for the event in this partition (one point read), or null.</summary>
    public static async Task<StoredResponse?> FindAsync(TableClient table, string partitionKey, string source, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            partitionKey, RowKey(source, eventId), select: ResponseColumns, cancellationToken: cancellationToken);
        return row.HasValue ? ResponseOf(row.Value!) ?? new StoredResponse(202, "{}") : null;
    }
}
