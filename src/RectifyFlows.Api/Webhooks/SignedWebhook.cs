using Microsoft.AspNetCore.Http;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// A signed webhook that needs nothing per request but the request: its route, and what it makes of a delivery that
/// passed <see cref="SignedWebhookPipeline"/>'s checks (<see cref="AcceptAsync"/>).
/// </summary>
public abstract class SignedWebhook<TRequest>(SignedWebhookPipeline pipeline, SignedWebhookRoute route)
    where TRequest : class
{
    public SignedWebhookRoute Route => route;

    public Task<IResult> HandleAsync(HttpRequest request) => pipeline.HandleAsync<TRequest>(request, route, AcceptAsync);

    /// <summary>Validates and stores a signed delivery; a webhook that records its own events answers with the stored response.</summary>
    protected abstract Task<WebhookOutcome> AcceptAsync(WebhookDelivery<TRequest> delivery, CancellationToken cancellationToken);
}
