using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Storage.Auth;

namespace RectifyFlows.Host.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the hashed key store; 401 and 403 answer with problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IMemoryCache cache,
    IOptions<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString();
        if (presented.Length > 256)
        {
            return AuthenticateResult.Fail("API key too long.");
        }

        var cacheKey = "api-key:" + ApiKeyStore.Hash(presented);
        if (!cache.TryGetValue(cacheKey, out ApiKeyEntity? key))
        {
            key = await keys.FindAsync(presented, Context.RequestAborted);
            cache.Set(cacheKey, key, TimeSpan.FromSeconds(authOptions.Value.CacheSeconds));
        }

        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, key.PrincipalId), new(ClaimTypes.Role, key.Role)];
        if (key.UnitId is not null)
        {
            claims.Add(new(ApiKeyClaims.UnitClaim, key.UnitId));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "需要有效的 API 密钥",
            $"Send a valid key in the {HeaderName} header.", "unauthorized");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "无权执行此操作",
            "This key's role may not use this route.", "forbidden");
}
