using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Domain.Attendance;

/// <summary>考勤: one cadre's days on site in one month (rule 7); fewer than the minimum is a breach.</summary>
public sealed record AttendanceRecord
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal) { "firstSecretary", "workTeamMember" };

    public required string EventId { get; init; }
    public required string Month { get; init; }
    public required string PersonId { get; init; }
    public required string UnitId { get; init; }

    /// <summary>firstSecretary or workTeamMember.</summary>
    public required string Role { get; init; }
    public required int DaysOnSite { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Below the report's <see cref="AttendanceRule.MinimumDaysOnSite"/>; the cycles judge against their configured minimum.</summary>
    public bool IsBreach => DaysOnSite < AttendanceRule.MinimumDaysOnSite;

    public static (AttendanceRecord? Record, ValidationErrors Errors) Validate(AttendanceRequest request, bool unitExists, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = WebhookEventIds.NewErrors(request.EventId);
        var first = errors.Month("month", request.Month);
        errors.Id("personId", request.PersonId);
        if (errors.Id("unitId", request.UnitId) && !unitExists)
        {
            errors.Add("unitId", $"unknown unit '{request.UnitId}'.");
        }

        errors.OneOf("role", request.Role, Roles);
        var days = first is { } month ? DateTime.DaysInMonth(month.Year, month.Month) : 31;
        if (request.DaysOnSite is not { } onSite || onSite < 0 || onSite > days)
        {
            errors.Add("daysOnSite", $"is required, 0–{days}.");
        }

        return errors.HasErrors
            ? (null, errors)
            : (new AttendanceRecord
            {
                EventId = request.EventId!, Month = request.Month!, PersonId = request.PersonId!, UnitId = request.UnitId!, Role = request.Role!,
                DaysOnSite = request.DaysOnSite!.Value, ReceivedAt = receivedAt,
            }, errors);
    }
}
