using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Leads;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/leads</c>, signed with the secret of the channel it came through (<c>source</c>, e.g. the
/// 12317 hotline): registers the lead in the leads ledger with a default deadline (<see cref="LeadOptions"/>). Two
/// storage round trips (issue 13): the unit from memory, the deadline index row, the lead with its audit row.
/// </summary>
public sealed class LeadWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, LeadRepository leads, IOptions<LeadOptions> options)
{
    public const string Source = "leads";

    public static SignedWebhookRoute Route { get; } = new(Source, 64 * 1024, ["source"], RecordsItsOwnEvents: true);

    public Task<IResult> HandleAsync(HttpRequest request) =>
        pipeline.HandleAsync<LeadRequest>(request, Route, async (delivery, ct) =>
        {
            var unitId = delivery.Body.UnitId;
            var unitExists = unitId is null || (Identifiers.IsValid(unitId) && await units.ExistsAsync(unitId, ct));
            var (lead, errors) = LeadValidator.Validate(delivery.Body, unitExists, options.Value.DefaultDeadlineDays);
            if (errors.HasErrors)
            {
                // A replay of an accepted lead gets its first answer even if it would not pass today; only a refused
                // delivery pays this read.
                return delivery.Body.EventId is { } eventId && WebhookEventIds.IsValid(eventId)
                    && await leads.GetAsync(LeadValidator.IdOf(eventId), ct) is { } earlier
                    ? WebhookOutcome.Answered(SignedWebhookPipeline.AcceptedResponse(earlier.Id))
                    : WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            // The lead's id is its event's, so its insert is the replay check and the lead is the event's record: a
            // replay stores nothing and gets the same answer as the first delivery, 202 {"id"}.
            await leads.RegisterAsync(lead!, ct);
            return WebhookOutcome.Answered(SignedWebhookPipeline.AcceptedResponse(lead!.Id));
        });
}
