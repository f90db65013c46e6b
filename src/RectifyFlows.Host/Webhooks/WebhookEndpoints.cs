using System.Text.Json;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Host.Api;
using RectifyFlows.Storage.Units;
using RectifyFlows.Storage.Webhooks;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Host.Webhooks;

/// <summary>
/// Signed webhook intake (api.md). Order of checks: JSON readable → sender's secret → signature and timestamp →
/// replayed event id (first response returned, nothing changed) → validation → store and raise → 202 {id}.
/// </summary>
public static class WebhookEndpoints
{
    public const long MaxBodyBytes = 256 * 1024;
    public const string InspectionSource = "inspection-results";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/inspection-results", InspectionResultsAsync).WithTags("Webhooks").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> InspectionResultsAsync(
        HttpContext context, IOptions<WebhookOptions> options, IHostEnvironment environment, TimeProvider time,
        WebhookEventRepository events, UnitRepository units, InspectionIntake intake)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (sender, eventId) = Peek(body!);
        if (sender is null)
        {
            return Problems.Validation("teamId", "is required, and the body must be a JSON object.");
        }

        if (SecretFor(sender, options.Value, environment) is not { } secret)
        {
            return Unauthorized($"No webhook secret is configured for sender '{sender}'.");
        }

        if (WebhookSignature.Verify(context.Request.Headers[WebhookSignature.HeaderName], body, secret, time.GetUtcNow(),
            options.Value.ToleranceSeconds) is { } invalid)
        {
            return Unauthorized("Invalid signature: " + invalid);
        }

        if (eventId is not null && await events.FindAsync(InspectionSource, eventId, context.RequestAborted) is { } earlier)
        {
            return Results.Text(earlier.Body, "application/json", statusCode: earlier.Status);
        }

        InspectionResultRequest request;
        try
        {
            request = JsonSerializer.Deserialize<InspectionResultRequest>(body, JsonBody.Options)!;
        }
        catch (JsonException ex)
        {
            return Problems.Validation(JsonBody.FieldOf(ex), "has the wrong type or is not a known field.");
        }

        var unitExists = Identifiers.IsValid(request.UnitId) && await units.GetAsync(request.UnitId!, context.RequestAborted) is not null;
        var (result, errors) = InspectionResultValidator.Validate(request, unitExists, time.GetUtcNow());
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        await intake.AcceptAsync(result!, context.RequestAborted);
        var response = JsonSerializer.Serialize(new { id = result!.EventId }, JsonBody.Options);
        var recorded = await events.RecordAsync(InspectionSource, result.EventId, StatusCodes.Status202Accepted, response, context.RequestAborted);
        return Results.Text(recorded.Body, "application/json", statusCode: recorded.Status);
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

    private static string? SecretFor(string sender, WebhookOptions options, IHostEnvironment environment) =>
        WebhookSecrets.Resolve(sender, options.Secrets, options.SigningSecret, options.DevelopmentSecret,
            environment.IsDevelopment() || environment.IsEnvironment("Fast"));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "签名无效", detail: detail, type: Problems.TypeBase + "invalid-signature");

}
