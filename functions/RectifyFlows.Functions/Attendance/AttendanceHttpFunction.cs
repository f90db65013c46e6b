using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Attendance;

/// <summary>The attendance route of the shared route table (<c>AttendanceEndpoints</c>), run by <see cref="RouteTrigger"/>.</summary>
public static class AttendanceHttpFunction
{
    [Function("ListAttendance")]
    public static Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attendance")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListAttendance", request);
}
