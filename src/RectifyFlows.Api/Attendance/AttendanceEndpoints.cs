using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Attendance;

/// <summary>The attendance ledger (any key; a unit key is scoped to its unit); the handling is <see cref="AttendanceApi"/>'s.</summary>
public static class AttendanceEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ListAttendance", "GET", "/api/attendance", Policies.AnyKey, "Attendance",
            r => r.Service<AttendanceApi>().ListAsync(r.Query("month"), r.Query("unitId"), r.Query("breaches"), r.User.UnitId(), r.Aborted))
        {
            Query = ["month", "unitId", "breaches"],
        },
    ];
}
