using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Api.Cycles;

/// <summary>Start (idempotent) and read the cycles: <c>/api/cycles/{monthly|weekly|quarterly|ten-day}/{period}[?office=]</c>; the handling is <see cref="CycleApi"/>'s.</summary>
public static class CycleEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("StartCycle", "POST", "/api/cycles/{kind}/{period}", Policies.Operator, "Cycles",
            r => CycleApi.StartAsync(r.Durable<CycleStarter>(), r.Route("kind"), r.Route("period"), r.Aborted)) { Durable = true },
        new("GetCycle", "GET", "/api/cycles/{kind}/{period}", Policies.AnyKey, "Cycles",
            r => CycleApi.GetAsync(r.Durable<CycleStarter>(), r.Route("kind"), r.Route("period"), r.Query("office"), r.Aborted))
        {
            Durable = true, Query = ["office"],
        },
    ];
}
