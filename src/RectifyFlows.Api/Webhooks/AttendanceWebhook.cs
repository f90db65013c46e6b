using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/attendance</c>, signed with the cadre's unit's secret (<c>unitId</c>): stores the month's
/// record for the person (one per month and person; a resend replaces it). Below the minimum (rule 7) it is kept as a
/// breach, which the monthly report lists. Accepted in one storage round trip (issue 13): the unit from memory, the
/// record and the event's record in one transaction of the month's partition (a replayed event id is unique within
/// its month: a replay carries the same body, so the same month).
/// </summary>
public sealed class AttendanceWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, AttendanceRepository attendance)
{
    public const string Source = "attendance";

    public static SignedWebhookRoute Route { get; } = new(Source, 16 * 1024, ["unitId"], RecordsItsOwnEvents: true);

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
                // A replay gets its first answer even if it would not pass today; only a refused delivery pays this read.
                return delivery.Body.EventId is { } eventId && WebhookEventIds.IsValid(eventId)
                    && CyclePeriods.TryParseMonth(delivery.Body.Month, out _)
                    && await attendance.FindResponseAsync(delivery.Body.Month!, Source, eventId, ct) is { } earlier
                    ? WebhookOutcome.Answered(earlier)
                    : WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            var (_, first) = await attendance.SaveAsync(record!, Source, record!.EventId, SignedWebhookPipeline.AcceptedResponse(IdOf(record)),
                delivery.ReceivedAt, ct);
            return WebhookOutcome.Answered(first);
        });
}
