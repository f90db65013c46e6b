using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/attendance</c>, signed with the cadre's unit's secret (<c>unitId</c>): stores the month's
/// record for the person (one per month and person; a resend replaces it). Below the minimum (rule 7) it is kept as a
/// breach, which the monthly report lists.
/// </summary>
public sealed class AttendanceWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, AttendanceRepository attendance)
{
    public const string Source = "attendance";

    public static SignedWebhookRoute Route { get; } = new(Source, 16 * 1024, ["unitId"]);

    /// <summary>The id a record is answered with: month and person.</summary>
    public static string IdOf(AttendanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"attendance-{record.Month}-{record.PersonId}";
    }

    public Task<IResult> HandleAsync(HttpRequest request) =>
        pipeline.HandleAsync<AttendanceRequest>(request, Route, async (delivery, ct) =>
        {
            var unitId = delivery.Body.UnitId;
            var unitExists = Identifiers.IsValid(unitId) && await units.ExistsAsync(unitId!, ct);
            var (record, errors) = AttendanceRecord.Validate(delivery.Body, unitExists, delivery.ReceivedAt);
            if (errors.HasErrors)
            {
                return WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            await attendance.SaveAsync(record!, ct);
            return WebhookOutcome.Accepted(IdOf(record!));
        });
}
