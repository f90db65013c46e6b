using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Telemetry;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// The check order every signed webhook shares (api.md): body size → JSON readable → the sender's secret → signature
/// and timestamp (constant-time) → replayed event id (the first response, nothing changed) → typed body → the
/// webhook's own validation and store → 202 <c>{id}</c>, recorded under the event id. A webhook whose route
/// <see cref="SignedWebhookRoute.RecordsItsOwnEvents"/> stores the response with its change in one insert, which is
/// also the replay check: the pipeline then adds no storage round trip of its own.
/// </summary>
public sealed class SignedWebhookPipeline(
    IOptions<WebhookOptions> options, IHostEnvironment environment, TimeProvider time, WebhookEventRepository events)
{
    public async Task<IResult> HandleAsync<TRequest>(
        HttpRequest request, SignedWebhookRoute route, Func<WebhookDelivery<TRequest>, CancellationToken, Task<WebhookOutcome>> accept)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(accept);
        var result = await HandleCoreAsync(request, route, accept);
        RectifyFlowsMetrics.Webhook(route.Source, result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK);
        return result;
    }

    private async Task<IResult> HandleCoreAsync<TRequest>(
        HttpRequest request, SignedWebhookRoute route, Func<WebhookDelivery<TRequest>, CancellationToken, Task<WebhookOutcome>> accept)
        where TRequest : class
    {
        var aborted = request.HttpContext.RequestAborted;
        var (body, problem) = await JsonBody.ReadBytesAsync(request, route.MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (sender, eventId) = Peek(body!, route.SenderFields);
        if (sender is null)
        {
            return Problems.Validation(route.SenderFields[0], "is required, and the body must be a JSON object.");
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

        if (eventId is not null && !route.RecordsItsOwnEvents && await events.FindAsync(route.Source, eventId, aborted) is { } earlier)
        {
            return TypedResults.Text(earlier.Body, "application/json", statusCode: earlier.Status);
        }

        TRequest parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<TRequest>(body, JsonBody.Options)!;
        }
        catch (JsonException ex)
        {
            return Problems.Validation(JsonBody.FieldOf(ex), "has the wrong type or is not a known field.");
        }

        var outcome = await accept(new WebhookDelivery<TRequest>(parsed, sender, time.GetUtcNow()), aborted);
        if (outcome.Answer is { } answer)
        {
            return TypedResults.Text(answer.Body, "application/json", statusCode: answer.Status);
        }

        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        // Only an accepted event is remembered: a refused one changed nothing, so the sender may correct and resend it.
        var response = AcceptedResponse(outcome.Id!).Body;
        var recorded = await events.RecordAsync(route.Source, eventId!, StatusCodes.Status202Accepted, response, aborted);
        return TypedResults.Text(recorded.Body, "application/json", statusCode: recorded.Status);
    }

    /// <summary>The answer to an accepted event: 202 <c>{"id": …}</c>.</summary>
    public static StoredResponse AcceptedResponse(string id) =>
        new(StatusCodes.Status202Accepted, JsonSerializer.Serialize(new { id }, JsonBody.Options));

    /// <summary>The sender and event id, read only to pick the secret and find a replay; nothing is trusted before the signature.</summary>
    private static (string? Sender, string? EventId) Peek(byte[] body, IReadOnlyList<string> senderFields)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Read(string name) => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (senderFields.Select(Read).FirstOrDefault(s => !string.IsNullOrEmpty(s)), Read("eventId"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private string? SecretFor(string sender) =>
        WebhookSecrets.Resolve(sender, options.Value.Secrets, options.Value.SigningSecret, options.Value.DevelopmentSecret,
            environment.IsDevelopment() || environment.IsEnvironment("Fast"), SenderSecrets());

    /// <summary>The parsed <see cref="WebhookOptions.SenderSecrets"/> (options are fixed for the process: parsed once).</summary>
    private IReadOnlyDictionary<string, string> SenderSecrets()
    {
        var json = options.Value.SenderSecrets;
        if (_senderSecrets is { } cached && ReferenceEquals(cached.Json, json))
        {
            return cached.Secrets;
        }

        // Malformed JSON gives no secrets (fail closed); ConfigurationReport logs it at start.
        var secrets = SenderSecretsJson.TryParse(json, out var parsed) ? parsed : new Dictionary<string, string>();
        _senderSecrets = (json, secrets);
        return secrets;
    }

    private (string? Json, IReadOnlyDictionary<string, string> Secrets)? _senderSecrets;

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "签名无效", detail: detail, type: Problems.TypeBase + "invalid-signature");
}
