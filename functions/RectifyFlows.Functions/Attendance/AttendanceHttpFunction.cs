using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Attendance;

namespace RectifyFlows.Functions.Attendance;

/// <summary><c>GET /api/attendance</c> behind a Functions key; the handling is <see cref="AttendanceApi"/>'s.</summary>
public sealed class AttendanceHttpFunction(AttendanceApi attendance)
{
    [Function("ListAttendance")]
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "attendance")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return attendance.ListAsync(request.Query["month"].FirstOrDefault(), request.Query["unitId"].FirstOrDefault(),
            request.Query["breaches"].FirstOrDefault(), ownUnitId: null, request.HttpContext.RequestAborted);
    }
}
