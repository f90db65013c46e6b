using System.Globalization;
using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Reports;

/// <summary>
/// Archived reports (PK <see cref="ReportLocator.Partition"/>): the report's JSON model, split into rows of 30K characters because a
/// table property holds at most 32K. Archiving the same report again replaces it (a rerun after a fix).
/// </summary>
public sealed class ReportRepository(FeatureTables tables)
{
    private const int ChunkChars = 30_000;

    public async Task SaveAsync(string kind, string period, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var partition = ReportLocator.Partition(kind, period);
        var chunks = Enumerable.Range(0, (json.Length + ChunkChars - 1) / ChunkChars)
            .Select(i => json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - i * ChunkChars)))
            .ToList();
        var actions = chunks.Select((chunk, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, string.Create(CultureInfo.InvariantCulture, $"part|{i:D4}"))
            {
                ["Json"] = chunk,
                ["Parts"] = chunks.Count,
            }));
        // Remove parts left over from a longer earlier version, then write; all in one partition.
        await foreach (var old in tables.Reports.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (int.Parse(old.RowKey["part|".Length..], CultureInfo.InvariantCulture) >= chunks.Count)
            {
                await tables.Reports.DeleteEntityAsync(partition, old.RowKey, cancellationToken: cancellationToken);
            }
        }

        await TableBatches.SubmitAsync(tables.Reports, actions, cancellationToken);
    }

    public async Task<string?> GetAsync(string kind, string period, CancellationToken cancellationToken)
    {
        var parts = new List<TableEntity>();
        await foreach (var row in tables.Reports.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ReportLocator.Partition(kind, period)}"), cancellationToken: cancellationToken))
        {
            parts.Add(row);
        }

        if (parts.Count == 0 || parts.Count != parts[0].GetInt32("Parts"))
        {
            return null;
        }

        return string.Concat(parts.OrderBy(p => p.RowKey, StringComparer.Ordinal).Select(p => p.GetString("Json")));
    }
}
