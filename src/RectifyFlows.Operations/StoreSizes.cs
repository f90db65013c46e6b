using Azure;
using Azure.Data.Tables;
using RectifyFlows.Operations.Doctor;

namespace RectifyFlows.Operations;

/// <summary>Row counts of one table, with a breakdown by a status column where one matters (outbox, task hub instances).</summary>
public sealed record TableSize(string Table, long Rows, IReadOnlyDictionary<string, long>? ByStatus = null);

/// <summary>What the store holds: every product table and the task hub's instances and history, measured by counting rows.</summary>
public sealed record StoreSizeReport(DateTimeOffset MeasuredAt, IReadOnlyList<TableSize> Tables);

/// <summary>
/// Counts the rows of every table (a key-only scan per table: minutes for millions of rows, so an operator command, not
/// a dashboard tile). The outbox is broken down by delivery status, the task hub's instances by runtime status.
/// </summary>
public sealed class StoreSizes(ProductTables tables, TaskHubStore taskHub, TimeProvider time)
{
    public async Task<StoreSizeReport> MeasureAsync(CancellationToken cancellationToken)
    {
        var sizes = new List<TableSize>();
        foreach (var table in tables.All)
        {
            var name = tables.NameOf(table);
            sizes.Add(await CountAsync(table, name, name == "Outbox" ? "Status" : null, cancellationToken));
        }

        sizes.Add(await CountAsync(taskHub.Instances, "TaskHub:Instances", "RuntimeStatus", cancellationToken));
        sizes.Add(await CountAsync(taskHub.History, "TaskHub:History", null, cancellationToken));
        return new StoreSizeReport(time.GetUtcNow(), sizes);
    }

    private static async Task<TableSize> CountAsync(TableClient table, string name, string? statusColumn, CancellationToken cancellationToken)
    {
        long rows = 0;
        var byStatus = statusColumn is null ? null : new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            IEnumerable<string> select = statusColumn is null ? ["PartitionKey"] : ["PartitionKey", statusColumn];
            await foreach (var row in table.QueryAsync<TableEntity>(select: select, cancellationToken: cancellationToken))
            {
                rows++;
                if (byStatus is not null)
                {
                    var status = row.GetString(statusColumn) ?? "none";
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet (a task hub before the engine's first start): empty.
        }

        return new TableSize(name, rows, byStatus);
    }
}
