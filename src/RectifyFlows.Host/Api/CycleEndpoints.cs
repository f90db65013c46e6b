using RectifyFlows.Api.Cycles;
using RectifyFlows.Api.Auth;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Host.Api;

/// <summary>Start (idempotent) and read the cycles: <c>/api/cycles/{monthly|weekly|quarterly|ten-day}/{period}</c>, behind API-key roles.</summary>
public static class CycleEndpoints
{
    public static IEndpointRouteBuilder MapCycleEndpoints(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/cycles").WithTags("Cycles");
        cycles.MapPost("/{kind}/{period}", (string kind, string period, HttpContext context, CycleStarter starter) =>
            CycleApi.StartAsync(starter, kind, period, context.RequestAborted)).RequireAuthorization(Policies.Operator);
        cycles.MapGet("/{kind}/{period}", (string kind, string period, HttpContext context, CycleStarter starter) =>
            CycleApi.GetAsync(starter, kind, period, context.RequestAborted)).RequireAuthorization(Policies.AnyKey);
        return app;
    }
}
