using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api.Plans;

/// <summary>Plan import and read (api.md, "Plan and ledger"); the handling is <see cref="PlanHandlers"/>'.</summary>
public static class PlanEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ImportPlan", "POST", "/api/plans", Policies.Operator, "Plans",
            r => r.Service<PlanHandlers>().ImportAsync(r.Context, r.Durable<EscalationStarter>())) { Durable = true, Body = typeof(object) },
        new("GetPlan", "GET", "/api/plans/{planId}", Policies.AnyKey, "Plans",
            r => r.Service<PlanHandlers>().GetAsync(r.Route("planId"), r.Context)),
    ];
}
