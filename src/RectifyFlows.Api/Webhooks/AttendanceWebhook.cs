using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Plans;
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
    : SignedWebhook<AttendanceRequest>(pipeline, new(Source, 16 * 1024, ["unitId"], RecordsItsOwnEvents: true))
{
    public const string Source = "attendance";

    /// <summary>The id a record is answered with: month and person.</summary>
    public static string IdOf(AttendanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"attendance-{record.Month}-{record.PersonId}";
    }

    protected override async Task<WebhookOutcome> AcceptAsync(WebhookDelivery<AttendanceRequest> delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = delivery.Body;
        var unitExists = Identifiers.IsValid(body.UnitId) && await units.ExistsAsync(body.UnitId!, cancellationToken);
        var (record, errors) = AttendanceRecord.Validate(body, unitExists, delivery.ReceivedAt);
        if (errors.HasErrors)
        {
            return await WebhookOutcome.RefusedUnlessReplayedAsync(errors, body.EventId, body.Month,
                (month, eventId) => attendance.FindResponseAsync(month, Source, eventId, cancellationToken));
        }

        var (_, first) = await attendance.SaveAsync(record!, Source, record!.EventId, SignedWebhookPipeline.AcceptedResponse(IdOf(record)),
            delivery.ReceivedAt, cancellationToken);
        return WebhookOutcome.Answered(first);
    }
}
