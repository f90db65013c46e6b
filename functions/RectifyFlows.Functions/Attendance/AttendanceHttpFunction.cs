using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Attendance;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Functions.Attendance;

/// <summary><c>GET /api/attendance</c> behind the X-Api-Key roles (a unit key sees its unit); the handling is <see cref="AttendanceApi"/>'s.</summary>
public sealed class AttendanceHttpFunction(AttendanceApi attendance)
{
    [Function("ListAttendance")]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attendance")] HttpRequest request) =>
        await ApiAccess.AuthorizeAsync(request, Policies.AnyKey)
            ?? await attendance.ListAsync(request.Query.Value("month"), request.Query.Value("unitId"), request.Query.Value("breaches"),
                request.HttpContext.User.UnitId(), request.HttpContext.RequestAborted);
}
