using Microsoft.AspNetCore.Http;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// Signed inspection-result intake (api.md), signed with the supervision team's secret (<c>teamId</c>, else
/// <c>unitId</c>); the checks before validation are <see cref="SignedWebhookPipeline"/>'s. Stores and raises the result.
/// </summary>
/// <remarks>
/// The hot path is two storage round trips (issue 13): the unit is looked up in memory (<see cref="UnitDirectory"/>),
/// the result row is the event record (its insert is the replay check and stores the response, see
/// <see cref="InspectionResultRepository"/>), and the cycle is raised without a status read (<see cref="InspectionIntake"/>).
/// A replayed event id is unique within its month (the result's partition): a replay carries the same body, so the same month.
/// </remarks>
public sealed class InspectionResultWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, InspectionResultRepository results)
{
    public const long MaxBodyBytes = 256 * 1024;
    public const string Source = "inspection-results";

    public static SignedWebhookRoute Route { get; } = new(Source, MaxBodyBytes, ["teamId", "unitId"], RecordsItsOwnEvents: true);

    public Task<IResult> HandleAsync(HttpRequest request, InspectionIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return pipeline.HandleAsync<InspectionResultRequest>(request, Route, async (delivery, ct) =>
        {
            var parsed = delivery.Body;
            var unitExists = Identifiers.IsValid(parsed.UnitId) && await units.ExistsAsync(parsed.UnitId!, ct);
            var (result, errors) = InspectionResultValidator.Validate(parsed, unitExists, delivery.ReceivedAt);
            if (errors.HasErrors)
            {
                return await WebhookOutcome.RefusedUnlessReplayedAsync(errors, parsed.EventId, parsed.Month,
                    (month, eventId) => results.FindResponseAsync(month, eventId, ct));
            }

            var first = await intake.AcceptAsync(result!, SignedWebhookPipeline.AcceptedResponse(result!.EventId), ct);
            return WebhookOutcome.Answered(first);
        });
    }
}
