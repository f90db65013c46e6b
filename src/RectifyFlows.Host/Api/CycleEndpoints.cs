using RectifyFlows.Domain.Periods;
using RectifyFlows.Host.Auth;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Host.Api;

/// <summary>Start (idempotent) and read the cycles: <c>/api/cycles/{monthly|weekly|quarterly|ten-day}/{period}</c>.</summary>
public static class CycleEndpoints
{
    public static IEndpointRouteBuilder MapCycleEndpoints(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/cycles").WithTags("Cycles");
        cycles.MapPost("/{kind}/{period}", StartAsync).RequireAuthorization(Policies.Operator);
        cycles.MapGet("/{kind}/{period}", GetAsync).RequireAuthorization(Policies.AnyKey);
        return app;
    }

    /// <summary>"ten-day" and "tenday" both name the ten-day report.</summary>
    public static CycleKind? ParseKind(string kind) => kind switch
    {
        "monthly" => CycleKind.Monthly,
        "weekly" => CycleKind.Weekly,
        "quarterly" => CycleKind.Quarterly,
        "ten-day" or "tenday" => CycleKind.TenDay,
        _ => null,
    };

    private static async Task<IResult> StartAsync(string kind, string period, HttpContext context, CycleStarter starter)
    {
        if (Validate(kind, period) is { } problem)
        {
            return problem;
        }

        var cycleKind = ParseKind(kind)!.Value;
        var (instanceId, created) = await starter.StartAsync(cycleKind, period, context.RequestAborted);
        var statusUrl = $"/api/cycles/{kind}/{period}";
        return TypedResults.Accepted(statusUrl, new { instanceId, statusUrl, created });
    }

    private static async Task<IResult> GetAsync(string kind, string period, HttpContext context, CycleStarter starter)
    {
        if (Validate(kind, period) is { } problem)
        {
            return problem;
        }

        var instance = await starter.GetAsync(ParseKind(kind)!.Value, period, context.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound("Cycle", $"{kind}/{period}");
        }

        var status = instance.ReadCustomStatusAs<CycleStatus>();
        return TypedResults.Ok(new
        {
            instanceId = instance.InstanceId,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            phase = status?.Phase,
            teams = status?.Teams,
            teamsReported = status?.TeamsReported,
            findings = status?.Findings,
            actionsOpened = status?.ActionsOpened,
            messagesWritten = status?.MessagesWritten,
            windowClosesAt = status?.WindowClosesAt,
            createdAt = instance.CreatedAt,
            lastUpdatedAt = instance.LastUpdatedAt,
            failure = instance.FailureDetails?.ErrorMessage,
        });
    }

    private static IResult? Validate(string kind, string period)
    {
        if (ParseKind(kind) is not { } cycleKind)
        {
            return Problems.Validation("kind", "must be monthly, weekly, quarterly or ten-day.");
        }

        return CyclePeriods.Range(cycleKind, period) is null
            ? Problems.Validation("period", cycleKind switch
            {
                CycleKind.Monthly => "must be a month: yyyy-MM.",
                CycleKind.Weekly => "must be an ISO week: yyyy-Www.",
                CycleKind.Quarterly => "must be a quarter: yyyy-Qn.",
                _ => "must be a ten-day period: yyyy-MM-n (n = 1, 2, 3).",
            })
            : null;
    }
}
