using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage;

namespace RectifyFlows.Operations;

/// <summary>
/// Every table the product owns — the ledger and cycle tables (<see cref="StorageSchema"/>) and the outbox with its
/// pending index — by name without the configured prefix, so an export restores under another prefix. The task hub's
/// tables are the engine's, and derived: not listed.
/// </summary>
public sealed class ProductTables(StorageSchema schema, OutboxRepository outbox, IOptions<StorageOptions> options)
{
    public IReadOnlyList<TableClient> All => [.. schema.All, outbox.Table, outbox.PendingTable];

    public string NameOf(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Name[options.Value.TablePrefix.Length..];
    }

    public TableClient? Find(string name) => All.FirstOrDefault(t => NameOf(t) == name);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(All.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
}
