using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Cycles;

/// <summary>The cycle routes of the shared route table (<c>CycleEndpoints</c>), over the invocation's bound durable client.</summary>
public static class CycleHttpFunctions
{
    [Function("StartCycle")]
    public static Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cycles/{kind}/{period}")] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("StartCycle", request, client, kind, period);

    [Function("GetCycle")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cycles/{kind}/{period}")] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("GetCycle", request, client, kind, period);
}
