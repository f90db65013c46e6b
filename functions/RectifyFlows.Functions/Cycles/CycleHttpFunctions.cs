using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Functions.Cycles;

/// <summary>
/// <c>POST</c>/<c>GET /api/cycles/{kind}/{period}</c>, behind Functions keys (the standalone host uses its X-Api-Key
/// roles instead). The handling is <see cref="CycleApi"/>'s, over a <see cref="CycleStarter"/> on the bound client.
/// </summary>
public static class CycleHttpFunctions
{
    public const string Route = "cycles/{kind}/{period}";

    [Function("StartCycle")]
    public static Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CycleApi.StartAsync(BoundClient.Create<CycleStarter>(function, client), kind, period, request.HttpContext.RequestAborted);
    }

    [Function("GetCycle")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CycleApi.GetAsync(BoundClient.Create<CycleStarter>(function, client), kind, period, request.HttpContext.RequestAborted);
    }
}
