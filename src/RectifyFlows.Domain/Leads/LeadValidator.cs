using System.Security.Cryptography;
using System.Text;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Validation;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Domain.Leads;

/// <summary>Validates a lead as a sender posts it, naming every invalid field, and registers it with a default deadline.</summary>
public static class LeadValidator
{
    /// <param name="request">The body.</param>
    /// <param name="unitExists">Whether <c>unitId</c>, when given, names a known unit (looked up by the caller).</param>
    /// <param name="defaultDeadlineDays">Days from receipt (China date) until an unassigned lead is overdue.</param>
    public static (Lead? Lead, ValidationErrors Errors) Validate(LeadRequest request, bool unitExists, int defaultDeadlineDays)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = WebhookEventIds.NewErrors(request.EventId);
        errors.Instant("receivedAt", request.ReceivedAt);
        errors.Id("source", request.Source);
        errors.Text("subject", request.Subject, max: 500);
        errors.Text("detail", request.Detail, max: 8000);
        if (request.UnitId is not null && (!Identifiers.IsValid(request.UnitId) || !unitExists))
        {
            errors.Add("unitId", $"unknown unit '{request.UnitId}'.");
        }

        if (errors.HasErrors)
        {
            return (null, errors);
        }

        var receivedAt = request.ReceivedAt!.Value;
        return (new Lead
        {
            Id = IdOf(request.EventId!),
            EventId = request.EventId!,
            ReceivedAt = receivedAt,
            Source = request.Source!,
            Subject = request.Subject!.Trim(),
            Detail = request.Detail!.Trim(),
            UnitId = request.UnitId,
            Deadline = ChinaTime.DateOf(receivedAt).AddDays(defaultDeadlineDays),
            Status = LeadStatus.Registered,
            Version = 1,
            History = [new LeadHistoryEntry("register", "webhook:" + request.Source, receivedAt, null, LeadStatus.Registered, null)],
        }, errors);
    }

    /// <summary>The lead's id, derived from its event id so a redelivered lead lands on the same row.</summary>
    public static string IdOf(string eventId) =>
        "lead-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..16];
}
