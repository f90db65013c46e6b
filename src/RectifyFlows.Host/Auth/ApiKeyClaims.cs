using System.Security.Claims;

namespace RectifyFlows.Host.Auth;

/// <summary>Reads who is calling from the principal the API key handler built.</summary>
public static class ApiKeyClaims
{
    public const string UnitClaim = "rectifyflows:unit";

    public static string PrincipalId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

    /// <summary>The unit a unit key is scoped to; null for other roles.</summary>
    public static string? UnitId(this ClaimsPrincipal user) =>
        user?.IsInRole(Roles.Unit) == true ? user.FindFirstValue(UnitClaim) : null;
}
