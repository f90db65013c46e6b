using Azure;
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

    private static async Task<IResult> CheckAsync(LedgerTables tables, HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            // A point read of a row that never exists: one cheap round trip that proves the table answers.
            await tables.Ledger.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("healthz", "healthz", cancellationToken: timeout.Token);
            return TypedResults.Ok(new { status = "healthy", storage = "ok" });
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException)
        {
            return TypedResults.Json(new { status = "unhealthy", storage = ex.GetType().Name }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
