using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Auth;

/// <summary>
/// API keys by hash. Keys are random 256-bit secrets, so a plain SHA-256 (no salt, no stretching) is enough to make a
/// leaked table useless while keeping the lookup a single point read.
/// </summary>
public sealed class ApiKeyStore(LedgerTables tables, TimeProvider time)
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, URL-safe base64, with a prefix that makes leaked keys easy to scan for.</summary>
    public static string NewKey() =>
        "rf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The active key record for a presented key, or null.</summary>
    public async Task<ApiKeyEntity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var row = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(Hash(key), ApiKeyEntity.KeyRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.RevokedAt is null ? row.Value : null;
    }

    /// <summary>Stores (or refreshes) a key given in configuration; idempotent.</summary>
    public async Task RegisterAsync(string key, string principalId, string role, string? unitId, string label, CancellationToken cancellationToken)
    {
        await tables.ApiKeys.UpsertEntityAsync(new ApiKeyEntity
        {
            PartitionKey = Hash(key),
            PrincipalId = principalId,
            Role = role,
            UnitId = unitId,
            Label = label,
            CreatedAt = time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
    }
}
