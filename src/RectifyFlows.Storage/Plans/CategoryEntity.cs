using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>A category row in the plan's ledger partition.</summary>
public sealed class CategoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CategoryId { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public bool Inferred { get; set; }
    public int Order { get; set; }
}
