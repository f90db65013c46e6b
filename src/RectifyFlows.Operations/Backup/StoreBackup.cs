using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RectifyFlows.Storage.Operations;

namespace RectifyFlows.Operations.Backup;

/// <summary>How many rows of each table an export wrote or a restore read.</summary>
public sealed record BackupSummary(IReadOnlyDictionary<string, long> RowsByTable)
{
    public long Rows => RowsByTable.Values.Sum();
}

/// <summary>A restore refused because the target store already holds product rows.</summary>
public sealed class StoreNotEmptyException(string table)
    : InvalidOperationException($"Table '{table}' is not empty: restore only into an empty store, or pass --force to overwrite rows with the backup's.")
{
    public string Table { get; } = table;
}

/// <summary>
/// Export and restore of the whole product store — the backup of the embedded default (docs/operations.md, "Backup").
/// One gzip file of JSON lines: a header, then every row of every product table (<see cref="ProductTables"/>) with each
/// property's EDM type, so a restore writes back exactly what was read (strings, numbers, dates, GUIDs, binary). Table
/// names are stored without the prefix. The task hub is not exported: ladders and cycles are derived, and the doctor
/// rebuilds them from the restored ledger.
/// </summary>
public sealed class StoreBackup(ProductTables tables, OperationsLog log, TimeProvider time)
{
    public const string Format = "rectifyflows-backup";
    public const int Version = 1;

    public async Task<BackupSummary> ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        await using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        await writer.WriteLineAsync(new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["createdAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["tables"] = new JsonArray([.. tables.All.Select(t => JsonValue.Create(tables.NameOf(t)))]),
        }.ToJsonString());
        await tables.CreateIfNotExistsAsync(cancellationToken);
        foreach (var table in tables.All)
        {
            var name = tables.NameOf(table);
            counts[name] = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                await writer.WriteLineAsync(ToLine(name, row).ToJsonString());
                counts[name]++;
            }
        }

        return new BackupSummary(counts);
    }

    /// <summary>Writes every row of the backup; refuses a store that holds any product row unless <paramref name="force"/>.</summary>
    public async Task<BackupSummary> RestoreAsync(Stream source, bool force, string actor, CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistsAsync(cancellationToken);
        if (!force)
        {
            foreach (var table in tables.All)
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1, cancellationToken: cancellationToken))
                {
                    throw new StoreNotEmptyException(tables.NameOf(table));
                }
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var header = JsonNode.Parse(await reader.ReadLineAsync(cancellationToken) ?? "{}");
        if (header?["format"]?.GetValue<string>() != Format || header["version"]?.GetValue<int>() != Version)
        {
            throw new InvalidDataException($"Not a {Format} file of version {Version}.");
        }

        // Rows come table by table and, within a table, partition by partition (the order of a full scan): consecutive
        // rows of one partition go in one transaction of up to 100.
        var batch = new List<TableTransactionAction>();
        TableClient? batchTable = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var (name, entity) = FromLine(line);
            var table = tables.Find(name) ?? throw new InvalidDataException($"Unknown table '{name}' in the backup.");
            if (batch.Count > 0 && (batchTable != table || batch[0].Entity.PartitionKey != entity.PartitionKey || batch.Count == 100))
            {
                await batchTable!.SubmitTransactionAsync(batch, cancellationToken);
                batch = [];
            }

            batchTable = table;
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        if (batch.Count > 0)
        {
            await batchTable!.SubmitTransactionAsync(batch, cancellationToken);
        }

        var summary = new BackupSummary(counts);
        await log.WriteStoreAsync(
            OperationsLog.RestoreKind, "restore", actor,
            $"从备份恢复 {summary.Rows} 行（备份时间 {header["createdAt"]?.GetValue<string>()}）{(force ? "，覆盖已有数据" : string.Empty)}",
            null, cancellationToken);
        return summary;
    }

    private static JsonObject ToLine(string table, TableEntity row)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }

            properties[key] = value switch
            {
                string s => Typed("String", JsonValue.Create(s)),
                bool b => Typed("Boolean", JsonValue.Create(b)),
                int i => Typed("Int32", JsonValue.Create(i)),
                long l => Typed("Int64", JsonValue.Create(l.ToString(CultureInfo.InvariantCulture))),
                double d => Typed("Double", JsonValue.Create(d.ToString("R", CultureInfo.InvariantCulture))),
                DateTimeOffset t => Typed("DateTime", JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture))),
                DateTime t => Typed("DateTime", JsonValue.Create(new DateTimeOffset(t.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture))),
                Guid g => Typed("Guid", JsonValue.Create(g.ToString())),
                byte[] bytes => Typed("Binary", JsonValue.Create(Convert.ToBase64String(bytes))),
                BinaryData data => Typed("Binary", JsonValue.Create(Convert.ToBase64String(data.ToArray()))),
                _ => throw new NotSupportedException($"{table}/{row.PartitionKey}/{row.RowKey}: property {key} has type {value.GetType()}."),
            };
        }

        return new JsonObject { ["t"] = table, ["pk"] = row.PartitionKey, ["rk"] = row.RowKey, ["p"] = properties };

        static JsonObject Typed(string type, JsonNode? value) => new() { ["t"] = type, ["v"] = value };
    }

    private static (string Table, TableEntity Entity) FromLine(string line)
    {
        var node = JsonNode.Parse(line) ?? throw new InvalidDataException("Empty line in the backup.");
        var entity = new TableEntity(node["pk"]!.GetValue<string>(), node["rk"]!.GetValue<string>());
        foreach (var (key, typed) in node["p"]!.AsObject())
        {
            var value = typed!["v"]!;
            entity[key] = typed["t"]!.GetValue<string>() switch
            {
                "String" => value.GetValue<string>(),
                "Boolean" => value.GetValue<bool>(),
                "Int32" => value.GetValue<int>(),
                "Int64" => long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                "Double" => double.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                "DateTime" => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "Guid" => Guid.Parse(value.GetValue<string>()),
                "Binary" => Convert.FromBase64String(value.GetValue<string>()),
                var other => throw new InvalidDataException($"Unknown property type '{other}'."),
            };
        }

        return (node["t"]!.GetValue<string>(), entity);
    }
}
