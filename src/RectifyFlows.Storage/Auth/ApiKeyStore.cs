using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Auth;

/// <summary>
/// API keys by hash. Keys are random 256-bit secrets, so a plain SHA-256 (no salt, no stretching) is enough to make a
/// leaked table useless while keeping the lookup a single point read. A second row per key in the principal's
/// partition (<c>principal|{id}</c>, RK = key id) lists a principal's keys for rotation and revocation without a scan.
/// </summary>
public sealed class ApiKeyStore(LedgerTables tables, TimeProvider time)
{
    /// <summary>Rotation needs the old and the new key to work at once; a third active key is refused.</summary>
    public const int MaxActiveKeysPerPrincipal = 2;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The non-secret id of a key: the first 12 hex digits of its hash (shown by <c>keys list</c>, used in logs).</summary>
    public static string KeyId(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash[..12];
    }

    /// <summary>A new random key: 32 bytes, URL-safe base64, with a prefix that makes leaked keys easy to scan for.</summary>
    public static string NewKey() =>
        "rf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The active key record for a presented key, or null.</summary>
    public async Task<ApiKeyEntity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var row = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(Hash(key), ApiKeyEntity.KeyRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.RevokedAt is null ? row.Value : null;
    }

    /// <summary>Stores (or refreshes) a key given in configuration; idempotent, and never re-activates a revoked key.</summary>
    public async Task RegisterAsync(string key, string principalId, string role, string? unitId, string label, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var existing = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(hash, ApiKeyEntity.KeyRow, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.RevokedAt is not null)
        {
            return;
        }

        var entity = new ApiKeyEntity
        {
            PartitionKey = hash,
            PrincipalId = principalId,
            Role = role,
            UnitId = unitId,
            Label = label,
            CreatedAt = existing.HasValue ? existing.Value!.CreatedAt : time.GetUtcNow(),
        };
        await tables.ApiKeys.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await tables.ApiKeys.UpsertEntityAsync(IndexRow(entity), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Issues a new key for a principal, refusing when it already has <see cref="MaxActiveKeysPerPrincipal"/> active keys
    /// (revoke the old one first). Returns the key, which is shown once and never stored.
    /// </summary>
    public async Task<string> IssueAsync(
        string principalId, string role, string? unitId, string label, string actor, CancellationToken cancellationToken)
    {
        var active = (await ListAsync(principalId, cancellationToken)).Count(k => k.RevokedAt is null);
        if (active >= MaxActiveKeysPerPrincipal)
        {
            throw new InvalidOperationException(
                $"Principal '{principalId}' already has {active} active keys; revoke one before issuing another (rotation keeps at most {MaxActiveKeysPerPrincipal}).");
        }

        var key = NewKey();
        await RegisterAsync(key, principalId, role, unitId, label, cancellationToken);
        await AuditAsync(principalId, KeyId(Hash(key)), "key.issued", actor, $"role {role}" + (unitId is null ? string.Empty : $", unit {unitId}"), cancellationToken);
        return key;
    }

    /// <summary>A principal's keys (active and revoked), newest first, as their index rows (no secrets).</summary>
    public async Task<IReadOnlyList<ApiKeyEntity>> ListAsync(string principalId, CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(principalId)} and RowKey lt {AuditRowPrefix}");
        await foreach (var row in tables.ApiKeys.QueryAsync<ApiKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            keys.Add(row);
        }

        return [.. keys.OrderByDescending(k => k.CreatedAt)];
    }

    /// <summary>Revokes one key of a principal by its key id; true when it was active. Both rows change, ETag-guarded.</summary>
    public async Task<bool> RevokeAsync(string principalId, string keyId, string actor, CancellationToken cancellationToken)
    {
        var index = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(IndexPartition(principalId), keyId, cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.RevokedAt is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var hash = index.Value.KeyHash!;
        var key = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(hash, ApiKeyEntity.KeyRow, cancellationToken: cancellationToken);
        if (key.HasValue)
        {
            key.Value!.RevokedAt = now;
            await tables.ApiKeys.UpdateEntityAsync(key.Value, key.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        index.Value.RevokedAt = now;
        await tables.ApiKeys.UpdateEntityAsync(index.Value, index.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        await AuditAsync(principalId, keyId, "key.revoked", actor, null, cancellationToken);
        return true;
    }

    /// <summary>Audit rows sort after every key id (hex) in the principal's partition, so listing keys skips them by range.</summary>
    private const string AuditRowPrefix = "~audit|";

    /// <summary>The audit record of a key's issue or revocation, by whom (the key itself never appears; its id does).</summary>
    private async Task AuditAsync(string principalId, string keyId, string action, string actor, string? reason, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var audit = new AuditEvent { EntityKind = "api-key", EntityId = keyId, Action = action, Actor = actor, At = at, Reason = reason };
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{AuditRowPrefix}{at.UtcTicks:D19}|{keyId}|{action}");
        await tables.ApiKeys.AddEntityAsync(AuditEntity.From(audit, IndexPartition(principalId), rowKey), cancellationToken);
    }

    private static string IndexPartition(string principalId) => "principal|" + principalId;

    private static ApiKeyEntity IndexRow(ApiKeyEntity key) => new()
    {
        PartitionKey = IndexPartition(key.PrincipalId),
        RowKey = KeyId(key.PartitionKey),
        KeyHash = key.PartitionKey,
        PrincipalId = key.PrincipalId,
        Role = key.Role,
        UnitId = key.UnitId,
        Label = key.Label,
        CreatedAt = key.CreatedAt,
        RevokedAt = key.RevokedAt,
    };
}
