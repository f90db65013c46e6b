using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Host.Api;

/// <summary><c>GET /healthz</c>: 200 when storage answers, 503 (with the reason) when it does not. No key needed.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CheckAsync(StorageHealthProbe probe, HttpContext context) =>
        await probe.FindProblemAsync(context.RequestAborted) is { } problem
            ? TypedResults.Json(new { status = "unhealthy", storage = problem }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new { status = "healthy", storage = "ok" });
}
