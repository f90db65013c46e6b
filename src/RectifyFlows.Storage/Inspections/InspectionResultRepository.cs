using Azure;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Storage.Inspections;

/// <summary>Inspection results by month (PK <c>yyyy-MM</c>, RK event id): every result is kept for the report.</summary>
public sealed class InspectionResultRepository(CycleTables tables)
{
    /// <summary>Stores a result; false when a result with this event id was already stored (a replay).</summary>
    public async Task<bool> SaveAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            await tables.InspectionResults.AddEntityAsync(new JsonEntity
            {
                PartitionKey = result.Month,
                RowKey = result.EventId,
                Kind = result.TeamId,
                UnitId = result.UnitId,
                Json = Json.Serialize(result),
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Every result of a month: one partition.</summary>
    public async Task<IReadOnlyList<InspectionResult>> ListByMonthAsync(string month, CancellationToken cancellationToken)
    {
        var results = new List<InspectionResult>();
        await foreach (var row in tables.InspectionResults.QueryAsync<JsonEntity>(
            $"PartitionKey eq '{LedgerKeys.Escape(month)}'", cancellationToken: cancellationToken))
        {
            results.Add(Json.Deserialize<InspectionResult>(row.Json));
        }

        return [.. results.OrderBy(r => r.ReceivedAt)];
    }
}
