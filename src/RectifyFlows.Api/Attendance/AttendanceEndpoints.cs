using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RectifyFlows.Api.Attendance;

/// <summary>The standalone host's attendance route (any key; a unit key is scoped to its unit).</summary>
public static class AttendanceEndpoints
{
    /// <summary>The host's policy and claim names (RectifyFlows.Host.Auth): any valid key; a unit key's role and unit.</summary>
    public const string AnyKeyPolicy = "any-key";
    public const string UnitRole = "unit";
    public const string UnitClaim = "rectifyflows:unit";

    public static IEndpointRouteBuilder MapAttendanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attendance", (AttendanceApi api, string? month, string? unitId, string? breaches, HttpContext context) =>
                api.ListAsync(month, unitId, breaches, OwnUnit(context.User), context.RequestAborted))
            .WithTags("Attendance").RequireAuthorization(AnyKeyPolicy);
        return app;
    }

    private static string? OwnUnit(ClaimsPrincipal user) => user.IsInRole(UnitRole) ? user.FindFirstValue(UnitClaim) : null;
}
