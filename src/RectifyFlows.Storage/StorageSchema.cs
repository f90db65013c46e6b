using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage;

/// <summary>Every table the application uses, to create at start and (in tests) to snapshot or delete.</summary>
public sealed class StorageSchema(LedgerTables ledger, FeatureTables cycles)
{
    public IEnumerable<TableClient> All => ledger.All.Concat(cycles.All);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(All.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
}
