using Microsoft.Extensions.Options;
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
    : SignedWebhook<LeadRequest>(pipeline, new(Source, 64 * 1024, ["source"], RecordsItsOwnEvents: true))
{
    public const string Source = "leads";

    protected override async Task<WebhookOutcome> AcceptAsync(WebhookDelivery<LeadRequest> delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var unitId = delivery.Body.UnitId;
        var unitExists = unitId is null || (Identifiers.IsValid(unitId) && await units.ExistsAsync(unitId, cancellationToken));
        var (lead, errors) = LeadValidator.Validate(delivery.Body, unitExists, options.Value.DefaultDeadlineDays);
        if (errors.HasErrors)
        {
            return await WebhookOutcome.RefusedUnlessReplayedAsync(errors, delivery.Body.EventId is { } eventId && WebhookEventIds.IsValid(eventId)
                ? async () => await leads.GetAsync(LeadValidator.IdOf(eventId), cancellationToken) is { } earlier
                    ? SignedWebhookPipeline.AcceptedResponse(earlier.Id)
                    : null
                : null);
        }

        // The lead's id is its event's, so its insert is the replay check and the lead is the event's record: a
        // replay stores nothing and gets the same answer as the first delivery, 202 {"id"}.
        await leads.RegisterAsync(lead!, cancellationToken);
        return WebhookOutcome.Answered(SignedWebhookPipeline.AcceptedResponse(lead!.Id));
    }
}
