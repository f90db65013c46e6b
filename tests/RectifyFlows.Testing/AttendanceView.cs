namespace RectifyFlows.Testing;

/// <summary>
/// A month's attendance record of one person as <c>GET api/attendance</c> lists it (rule 7): <see cref="Breach"/> is
/// judged by the host against its configured minimum days on site.
/// </summary>
public sealed record AttendanceView(string Month, string PersonId, string UnitId, string Role, int DaysOnSite, bool Breach, DateTimeOffset ReceivedAt);
