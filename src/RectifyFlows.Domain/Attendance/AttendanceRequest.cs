namespace RectifyFlows.Domain.Attendance;

/// <summary><c>POST /api/webhooks/attendance</c> as read, before validation.</summary>
public sealed class AttendanceRequest
{
    public string? EventId { get; set; }
    public string? Month { get; set; }
    public string? PersonId { get; set; }
    public string? UnitId { get; set; }
    public string? Role { get; set; }
    public int? DaysOnSite { get; set; }
}
