using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// Signed inspection-result intake (api.md), signed with the supervision team's secret (<c>teamId</c>, else
/// <c>unitId</c>); the checks before validation are <see cref="SignedWebhookPipeline"/>'s. Stores and raises the result.
/// </summary>
public sealed class InspectionResultWebhook(SignedWebhookPipeline pipeline, UnitRepository units)
{
    public const long MaxBodyBytes = 256 * 1024;
    public const string Source = "inspection-results";

    public static SignedWebhookRoute Route { get; } = new(Source, MaxBodyBytes, ["teamId", "unitId"]);

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
                return WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            await intake.AcceptAsync(result!, ct);
            return WebhookOutcome.Accepted(result!.EventId);
        });
    }
}
