using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RectifyFlows.Api.Auth;

namespace RectifyFlows.Api.Attendance;

/// <summary>The standalone host's attendance route (any key; a unit key is scoped to its unit).</summary>
public static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attendance", (AttendanceApi api, string? month, string? unitId, string? breaches, HttpContext context) =>
                api.ListAsync(month, unitId, breaches, context.User.UnitId(), context.RequestAborted))
            .WithTags("Attendance").RequireAuthorization(Policies.AnyKey);
        return app;
    }
}
