using Azure;
using Azure.Data.Tables;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Storage.Inspections;

/// <summary>Inspection results by month (PK <c>yyyy-MM</c>, RK event id): every result is kept for the report.</summary>
public sealed class InspectionResultRepository(FeatureTables tables)
{
    /// <summary>Stores a result; false when a result with this event id was already stored (a replay).</summary>
    public async Task<bool> SaveAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (await SaveAsync(result, StoredResponse.Accepted(result.EventId), cancellationToken)).Stored;
    }

    /// <summary>
    /// Stores a result together with the response its webhook answers, in one insert: the result row is the webhook's
    /// event record, so the replay check, the record and the result are one round trip and cannot drift apart. When the
    /// event id was already stored (a replay) nothing is written and the first response is returned.
    /// </summary>
    public async Task<(bool Stored, StoredResponse Response)> SaveAsync(InspectionResult result, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            // The result row is the event's record: it records the response like one (WebhookEventRows).
            var row = new TableEntity(result.Month, result.EventId)
            {
                [nameof(JsonEntity.Kind)] = result.TeamId,
                [nameof(JsonEntity.UnitId)] = result.UnitId,
                [nameof(JsonEntity.Json)] = RowJson.Serialize(result),
            };
            WebhookEventRows.Record(row, response);
            await tables.InspectionResults.AddEntityAsync(row, cancellationToken);
            return (true, response);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (false, await FindResponseAsync(result.Month, result.EventId, cancellationToken) ?? response);
        }
    }

    /// <summary>The response first given for a stored result (one point read), or null when none is stored under the id.</summary>
    public async Task<StoredResponse?> FindResponseAsync(string month, string eventId, CancellationToken cancellationToken)
    {
        var row = await tables.InspectionResults.GetEntityIfExistsAsync<TableEntity>(
            month, eventId, select: WebhookEventRows.ResponseColumns, cancellationToken: cancellationToken);

        // Rows stored before the response was kept with them were all answered 202 {"id": eventId}.
        return row.HasValue ? WebhookEventRows.ResponseOf(row.Value!) ?? StoredResponse.Accepted(eventId) : null;
    }

    /// <summary>Every result of a month: one partition.</summary>
    public async Task<IReadOnlyList<InspectionResult>> ListByMonthAsync(string month, CancellationToken cancellationToken)
    {
        var results = new List<InspectionResult>();
        await foreach (var row in tables.InspectionResults.QueryAsync<JsonEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {month}"), cancellationToken: cancellationToken))
        {
            results.Add(RowJson.Deserialize<InspectionResult>(row.Json));
        }

        return [.. results.OrderBy(r => r.ReceivedAt)];
    }
}
