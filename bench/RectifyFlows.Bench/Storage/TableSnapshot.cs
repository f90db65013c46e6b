using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Bench.Storage;

/// <summary>
/// Every row of every table as key → version (ETag), read with only the key columns selected so a snapshot
/// stays cheap. Counting rows gives the entities an import wrote; comparing two snapshots shows whether a second
/// import wrote anything at all.
/// </summary>
internal sealed class TableSnapshot
{
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey", "Timestamp"];

    private readonly Dictionary<string, Dictionary<string, string>> _rows;

    private TableSnapshot(Dictionary<string, Dictionary<string, string>> rows, int requests)
    {
        _rows = rows;
        Requests = requests;
        Unversioned = rows.Values.Sum(t => t.Values.Count(string.IsNullOrEmpty));
    }

    /// <summary>Rows per table, by the table's name without the run's prefix.</summary>
    public IReadOnlyDictionary<string, int> Counts => _rows.ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal);

    public int Total => _rows.Values.Sum(t => t.Count);

    /// <summary>Rows of one table whose partition key does not start with <paramref name="excludedPrefix"/>.</summary>
    public int CountOf(string table, string excludedPrefix) =>
        _rows.TryGetValue(table, out var rows) ? rows.Keys.Count(key => !key.StartsWith(excludedPrefix, StringComparison.Ordinal)) : 0;

    /// <summary>Rows that came back with neither ETag nor Timestamp: a rewrite of those could not be detected.</summary>
    public int Unversioned { get; }

    /// <summary>Storage requests the snapshot itself took.</summary>
    public int Requests { get; }

    public static async Task<TableSnapshot> TakeAsync(IEnumerable<TableClient> tables, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var scope = StorageRequestCounter.Begin();
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var name = table.Name.StartsWith(prefix, StringComparison.Ordinal) ? table.Name[prefix.Length..] : table.Name;
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var entity in table.QueryAsync<TableEntity>(
                filter: (string?)null, maxPerPage: 1000, select: KeyColumns, cancellationToken: cancellationToken))
            {
                // The ETag comes back even when only some columns are selected; Timestamp is the fallback.
                var version = entity.ETag.ToString();
                versions[entity.PartitionKey + "\n" + entity.RowKey] =
                    string.IsNullOrEmpty(version) ? entity.Timestamp?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty : version;
            }

            rows[name] = versions;
        }

        return new TableSnapshot(rows, scope.Requests);
    }

    /// <summary>Rows added, removed and rewritten (changed version) between this snapshot and a later one.</summary>
    public (int Added, int Removed, int Changed) Compare(TableSnapshot later)
    {
        ArgumentNullException.ThrowIfNull(later);
        int added = 0, removed = 0, changed = 0;
        foreach (var (table, rows) in later._rows)
        {
            var before = _rows.GetValueOrDefault(table) ?? [];
            foreach (var (key, version) in rows)
            {
                if (!before.TryGetValue(key, out var old))
                {
                    added++;
                }
                else if (!string.Equals(old, version, StringComparison.Ordinal))
                {
                    changed++;
                }
            }

            removed += before.Keys.Count(key => !rows.ContainsKey(key));
        }

        return (added, removed, changed);
    }
}
