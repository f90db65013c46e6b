using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>Measure id → plan id (PK measure id, RK empty). Written once when the measure is first imported.</summary>
public sealed class MeasureDirectoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PlanId { get; set; } = string.Empty;
}
