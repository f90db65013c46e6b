using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Webhooks;

/// <summary>
/// The signed webhooks of the shared route table (<c>WebhookEndpoints</c>): anonymous at the Functions level,
/// authenticated by their HMAC signature. An accepted inspection result is raised into the running monthly cycle,
/// so that trigger binds a durable client.
/// </summary>
public static class WebhookFunctions
{
    [Function("InspectionResultsWebhook")]
    public static Task<IResult> InspectionResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/inspection-results")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("InspectionResultsWebhook", request, client);

    [Function("ProjectProgressWebhook")]
    public static Task<IResult> ProjectProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/project-progress")] HttpRequest request) =>
        RouteTrigger.RunAsync("ProjectProgressWebhook", request);

    [Function("AttendanceWebhook")]
    public static Task<IResult> AttendanceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/attendance")] HttpRequest request) =>
        RouteTrigger.RunAsync("AttendanceWebhook", request);

    [Function("LeadsWebhook")]
    public static Task<IResult> LeadsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/leads")] HttpRequest request) =>
        RouteTrigger.RunAsync("LeadsWebhook", request);
}
