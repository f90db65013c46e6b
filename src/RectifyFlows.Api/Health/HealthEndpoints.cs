using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Routing;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Api.Health;

/// <summary><c>GET /healthz</c> (<c>/api/healthz</c> on Functions): 200 when storage answers, 503 (with the reason) when it does not. No key needed.</summary>
public static class HealthEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("Health", "GET", "/healthz", null, "Health", CheckAsync),
    ];

    private static async Task<IResult> CheckAsync(ApiRequest r) =>
        await r.Service<StorageHealthProbe>().FindProblemAsync(r.Aborted) is { } problem
            ? TypedResults.Json(new { status = "unhealthy", storage = problem }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new { status = "healthy", storage = "ok" });
}
