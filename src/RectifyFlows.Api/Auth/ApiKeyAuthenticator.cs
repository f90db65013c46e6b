using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RectifyFlows.Storage.Auth;

namespace RectifyFlows.Api.Auth;

/// <summary>
/// Turns a presented <c>X-Api-Key</c> into a principal (id, role, unit scope) from the hashed key store, remembering a
/// lookup for <see cref="AuthOptions.CacheSeconds"/> so a busy key costs one storage read per interval. Both hosts use it:
/// the standalone host from its authentication handler, the Functions app from <see cref="ApiAccess"/>.
/// </summary>
public sealed class ApiKeyAuthenticator(ApiKeyStore keys, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public const string HeaderName = "X-Api-Key";
    public const string AuthenticationType = "ApiKey";

    /// <summary>Longer values are refused before hashing: a key is 46 characters, configuration keys a few dozen.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>The principal for the key, or null when it is unknown, revoked or malformed.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = ApiKeyStore.Hash(presented);
        var cacheKey = "api-key:" + hash;
        var seconds = options.Value.CacheSeconds;
        if (seconds == 0 || !cache.TryGetValue(cacheKey, out ApiKeyEntity? key))
        {
            key = await keys.FindAsync(presented, cancellationToken);

            // CacheSeconds 0 means every request reads the store: revocation is immediate.
            if (seconds > 0)
            {
                cache.Set(cacheKey, key, TimeSpan.FromSeconds(seconds));
            }
        }

        if (key is null)
        {
            return null;
        }

        // The key's hash prefix names the key (not the principal) for per-key rate limits and logs; never the key itself.
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, key.PrincipalId),
            new(ClaimTypes.Role, key.Role),
            new(ApiKeyClaims.KeyIdClaim, ApiKeyStore.KeyId(hash)),
        ];
        if (key.UnitId is not null)
        {
            claims.Add(new(ApiKeyClaims.UnitClaim, key.UnitId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }
}
