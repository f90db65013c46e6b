using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Leads;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/leads</c>, signed with the secret of the channel it came through (<c>source</c>, e.g. the
/// 12317 hotline): registers the lead in the leads ledger with a default deadline (<see cref="LeadOptions"/>).
/// </summary>
public sealed class LeadWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, LeadRepository leads, IOptions<LeadOptions> options)
{
    public const string Source = "leads";

    public static SignedWebhookRoute Route { get; } = new(Source, 64 * 1024, ["source"]);

    public Task<IResult> HandleAsync(HttpRequest request) =>
        pipeline.HandleAsync<LeadRequest>(request, Route, async (delivery, ct) =>
        {
            var unitId = delivery.Body.UnitId;
            var unitExists = unitId is null || (Identifiers.IsValid(unitId) && await units.ExistsAsync(unitId, ct));
            var (lead, errors) = LeadValidator.Validate(delivery.Body, unitExists, options.Value.DefaultDeadlineDays);
            if (errors.HasErrors)
            {
                return WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            await leads.RegisterAsync(lead!, ct);
            return WebhookOutcome.Accepted(lead!.Id);
        });
}
