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
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attendance")] HttpRequest request) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, c => attendance.ListAsync(c.Request.Query.Value("month"), c.Request.Query.Value("unitId"),
            c.Request.Query.Value("breaches"), c.User.UnitId(), c.RequestAborted));
}
