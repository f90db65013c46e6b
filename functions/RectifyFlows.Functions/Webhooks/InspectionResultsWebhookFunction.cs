using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Webhooks;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Functions.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/inspection-results</c>: anonymous at the Functions level, authenticated by its HMAC signature.
/// The handling is <see cref="InspectionResultWebhook"/>'s, with an <see cref="InspectionIntake"/> on the bound client.
/// </summary>
public sealed class InspectionResultsWebhookFunction(InspectionResultWebhook webhook)
{
    public const string Route = "webhooks/inspection-results";

    [Function("InspectionResultsWebhook")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext function) =>
        webhook.HandleAsync(request, BoundClient.Create<InspectionIntake>(function, client));
}
