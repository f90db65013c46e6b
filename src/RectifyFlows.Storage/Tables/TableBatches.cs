using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>Helpers for entity-group transactions: at most 100 actions, all in one partition.</summary>
public static class TableBatches
{
    public const int MaxActions = 100;

    /// <summary>Submits the actions grouped by partition, in transactions of at most 100, several partitions at a time.</summary>
    public static async Task SubmitAsync(
        TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken, int parallelism = 8)
    {
        var batches = actions
            .GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions))
            .ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
    }

    /// <summary>
    /// Packs groups of actions of one partition into transactions of at most 100 without splitting a group, so each
    /// group (an entity and its audit rows) commits all or nothing. Groups larger than 100 are split as a last resort.
    /// </summary>
    public static IEnumerable<List<TableTransactionAction>> Pack(IEnumerable<IReadOnlyCollection<TableTransactionAction>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var batch = new List<TableTransactionAction>();
        foreach (var group in groups.Where(g => g.Count > 0))
        {
            if (batch.Count + group.Count > MaxActions && batch.Count > 0)
            {
                yield return batch;
                batch = [];
            }

            foreach (var chunk in group.Chunk(MaxActions))
            {
                if (batch.Count + chunk.Length > MaxActions)
                {
                    yield return batch;
                    batch = [];
                }

                batch.AddRange(chunk);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>412 (ETag mismatch) or 409 (row already exists): another writer got there first.</summary>
    public static bool IsConcurrencyConflict(RequestFailedException exception) =>
        exception?.Status is 409 or 412;
}
