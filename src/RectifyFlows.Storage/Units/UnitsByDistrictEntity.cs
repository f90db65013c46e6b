using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>A unit's summary in its district's listing (PK district id, RK unit id).</summary>
public sealed class UnitsByDistrictEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string? ParentId { get; set; }
    public bool PoorVillage { get; set; }
}
