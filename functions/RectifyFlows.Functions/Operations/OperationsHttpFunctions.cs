using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Operations;

/// <summary>The operator routes of the shared route table (<c>OperationsEndpoints</c>), run by <see cref="RouteTrigger"/>.</summary>
public static class OperationsHttpFunctions
{
    [Function("GetStoreSizes")]
    public static Task<IResult> GetStoreSizesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/sizes")] HttpRequest request) =>
        RouteTrigger.RunAsync("GetStoreSizes", request);
}
