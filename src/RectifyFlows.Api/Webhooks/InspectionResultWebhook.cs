using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Units;
using RectifyFlows.Storage.Webhooks;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// Signed inspection-result intake (api.md). Order of checks: JSON readable → sender's secret → signature and
/// timestamp → replayed event id (first response returned, nothing changed) → validation → store and raise → 202 {id}.
/// </summary>
public sealed class InspectionResultWebhook(
    IOptions<WebhookOptions> options, IHostEnvironment environment, TimeProvider time, WebhookEventRepository events, UnitRepository units)
{
    public const long MaxBodyBytes = 256 * 1024;
    public const string Source = "inspection-results";

    public async Task<IResult> HandleAsync(HttpRequest request, InspectionIntake intake)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
        var aborted = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadBytesAsync(request, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (sender, eventId) = Peek(body!);
        if (sender is null)
        {
            return Problems.Validation("teamId", "is required, and the body must be a JSON object.");
        }

        if (SecretFor(sender) is not { } secret)
        {
            return Unauthorized($"No webhook secret is configured for sender '{sender}'.");
        }

        if (WebhookSignature.Verify(request.Headers[WebhookSignature.HeaderName], body, secret, time.GetUtcNow(),
            options.Value.ToleranceSeconds) is { } invalid)
        {
            return Unauthorized("Invalid signature: " + invalid);
        }

        // Checked before the replay lookup: the id becomes a table key, and a sender's odd id must be a 400, not a 500.
        if (eventId is not null && !WebhookEventIds.IsValid(eventId))
        {
            return Problems.Validation("eventId", WebhookEventIds.Rule);
        }

        if (eventId is not null && await events.FindAsync(Source, eventId, aborted) is { } earlier)
        {
            return TypedResults.Text(earlier.Body, "application/json", statusCode: earlier.Status);
        }

        InspectionResultRequest parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<InspectionResultRequest>(body, JsonBody.Options)!;
        }
        catch (JsonException ex)
        {
            return Problems.Validation(JsonBody.FieldOf(ex), "has the wrong type or is not a known field.");
        }

        var unitExists = Identifiers.IsValid(parsed.UnitId) && await units.GetAsync(parsed.UnitId!, aborted) is not null;
        var (result, errors) = InspectionResultValidator.Validate(parsed, unitExists, time.GetUtcNow());
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        await intake.AcceptAsync(result!, aborted);
        var response = JsonSerializer.Serialize(new { id = result!.EventId }, JsonBody.Options);
        var recorded = await events.RecordAsync(Source, result.EventId, StatusCodes.Status202Accepted, response, aborted);
        return TypedResults.Text(recorded.Body, "application/json", statusCode: recorded.Status);
    }

    /// <summary>The sender and event id, read only to pick the secret and find a replay; nothing is trusted before the signature.</summary>
    private static (string? Sender, string? EventId) Peek(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Read(string name) => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (Read("teamId") ?? Read("unitId"), Read("eventId"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private string? SecretFor(string sender) =>
        WebhookSecrets.Resolve(sender, options.Value.Secrets, options.Value.SigningSecret, options.Value.DevelopmentSecret,
            environment.IsDevelopment() || environment.IsEnvironment("Fast"));

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "签名无效", detail: detail, type: Problems.TypeBase + "invalid-signature");
}
