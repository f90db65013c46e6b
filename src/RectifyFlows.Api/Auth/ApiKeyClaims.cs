using System.Security.Claims;

namespace RectifyFlows.Api.Auth;

/// <summary>Reads who is calling from the principal the API key handler built.</summary>
public static class ApiKeyClaims
{
    public const string UnitClaim = "rectifyflows:unit";

    /// <summary>A short, non-secret id of the key itself (a prefix of its hash): two keys of one principal differ.</summary>
    public const string KeyIdClaim = "rectifyflows:key";

    public static string PrincipalId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    /// <summary>The calling key's id (see <see cref="KeyIdClaim"/>), or null when unauthenticated.</summary>
    public static string? KeyId(this ClaimsPrincipal user) => user?.FindFirstValue(KeyIdClaim);

    /// <summary>The unit a unit key is scoped to; null for other roles.</summary>
    public static string? UnitId(this ClaimsPrincipal user) =>
        user?.IsInRole(Roles.Unit) == true ? user.FindFirstValue(UnitClaim) : null;
}
