using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Functions.Health;

/// <summary><c>GET /api/healthz</c>: 200 when storage answers, 503 (with the reason) when it does not. No key needed.</summary>
public sealed class HealthFunction(StorageHealthProbe probe)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await probe.FindProblemAsync(request.HttpContext.RequestAborted) is { } problem
            ? new ObjectResult(new { status = "unhealthy", storage = problem }) { StatusCode = StatusCodes.Status503ServiceUnavailable }
            : new OkObjectResult(new { status = "healthy", storage = "ok" });
    }
}
