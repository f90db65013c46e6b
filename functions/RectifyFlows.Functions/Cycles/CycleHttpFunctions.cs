using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Functions.Cycles;

/// <summary>
/// <c>POST</c>/<c>GET /api/cycles/{kind}/{period}</c>, behind the same X-Api-Key roles as the standalone host
/// (<see cref="ApiAccess"/>). The handling is <see cref="CycleApi"/>'s, over a <see cref="CycleStarter"/> on the bound client.
/// </summary>
public static class CycleHttpFunctions
{
    public const string Route = "cycles/{kind}/{period}";

    [Function("StartCycle")]
    public static Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.Operator,
            c => CycleApi.StartAsync(BoundClient.Create<CycleStarter>(function, client), kind, period, c.RequestAborted));

    [Function("GetCycle")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey,
            c => CycleApi.GetAsync(BoundClient.Create<CycleStarter>(function, client), kind, period, c.RequestAborted));
}
