using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// What every row class carries for <see cref="ITableEntity"/> — its keys, the server's timestamp and the ETag every
/// read-modify-write is guarded with — declared once. The SDK reads and writes inherited properties like declared ones.
/// </summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
