using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Auth;

/// <summary>
/// An API key, stored by the SHA-256 of the key (PK hash, RK <c>key</c>), and listed under its principal (PK
/// <c>principal|{id}</c>, RK key id); the key itself is never stored.
/// </summary>
public sealed class ApiKeyEntity : TableRow
{
    public const string KeyRow = "key";

    /// <summary>A key row unless set otherwise (a principal listing row sets its own).</summary>
    public ApiKeyEntity() => RowKey = KeyRow;

    public string PrincipalId { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public string? UnitId { get; set; }
    public string Label { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>On a principal's index row: the hash of the key it lists (the key row's partition).</summary>
    public string? KeyHash { get; set; }
}
