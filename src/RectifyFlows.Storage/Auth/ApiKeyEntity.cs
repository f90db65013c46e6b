using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Auth;

/// <summary>
/// An API key, stored by the SHA-256 of the key (PK hash, RK <c>key</c>), and listed under its principal (PK
/// <c>principal|{id}</c>, RK key id); the key itself is never stored.
/// </summary>
public sealed class ApiKeyEntity : ITableEntity
{
    public const string KeyRow = "key";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = KeyRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PrincipalId { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public string? UnitId { get; set; }
    public string Label { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>On a principal's index row: the hash of the key it lists (the key row's partition).</summary>
    public string? KeyHash { get; set; }
}
