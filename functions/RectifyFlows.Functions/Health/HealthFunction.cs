using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Health;

/// <summary>The health route of the shared route table (<c>HealthEndpoints</c>), at <c>/api/healthz</c>. No key needed.</summary>
public static class HealthFunction
{
    [Function("Health")]
    public static Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        RouteTrigger.RunAsync("Health", request);
}
