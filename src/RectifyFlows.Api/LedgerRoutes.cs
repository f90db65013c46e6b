using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RectifyFlows.Api.Actions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Measures;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Reports;
using RectifyFlows.Api.Units;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api;

/// <summary>
/// The plan-and-ledger routes of api.md for a host with ASP.NET Core routing (the standalone host): each route maps to
/// the shared handler and carries its role policy. The Functions app declares the same routes as triggers over the
/// same handlers.
/// </summary>
public static class LedgerRoutes
{
    public static IEndpointRouteBuilder MapLedgerRoutes(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans");
        plans.MapPost("/", (HttpContext c, PlanHandlers h, EscalationStarter e) => h.ImportAsync(c, e))
            .RequireAuthorization(Policies.Operator).Accepts<object>("application/json");
        plans.MapGet("/{planId}", (string planId, HttpContext c, PlanHandlers h) => h.GetAsync(planId, c)).RequireAuthorization(Policies.AnyKey);

        var measures = app.MapGroup("/api/measures").WithTags("Measures");
        measures.MapGet("/", (HttpContext c, MeasureHandlers h) => h.ListAsync(c)).RequireAuthorization(Policies.AnyKey);
        measures.MapGet("/{measureId}", (string measureId, HttpContext c, MeasureHandlers h) => h.GetAsync(measureId, c))
            .RequireAuthorization(Policies.AnyKey);
        measures.MapPost("/{measureId}/progress", (string measureId, HttpContext c, MeasureHandlers h) => h.ProgressAsync(measureId, c))
            .RequireAuthorization(Policies.Unit).Accepts<ProgressRequest>("application/json");
        measures.MapPost("/{measureId}/evidence",
                (string measureId, HttpContext c, MeasureHandlers h, EscalationStarter e) => h.EvidenceAsync(measureId, c, e))
            .RequireAuthorization(Policies.Unit).Accepts<EvidenceRequest>("application/json");
        measures.MapPost("/{measureId}/signoff",
                (string measureId, HttpContext c, MeasureHandlers h, EscalationStarter e) => h.SignOffAsync(measureId, c, e))
            .RequireAuthorization(Policies.Reviewer).Accepts<SignOffRequest>("application/json");
        measures.MapPost("/{measureId}/extension", (string measureId, HttpContext c, MeasureHandlers h) => h.ExtensionAsync(measureId, c))
            .RequireAuthorization(Policies.Unit).Accepts<ExtensionRequest>("application/json");
        measures.MapPost("/{measureId}/extension/decision",
                (string measureId, HttpContext c, MeasureHandlers h, EscalationStarter e) => h.ExtensionDecisionAsync(measureId, c, e))
            .RequireAuthorization(Policies.Reviewer).Accepts<ExtensionDecisionRequest>("application/json");

        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapGet("/{unitId}", (string unitId, HttpContext c, UnitHandlers h) => h.GetAsync(unitId, c)).RequireAuthorization(Policies.Operator);
        units.MapPut("/{unitId}", (string unitId, HttpContext c, UnitHandlers h) => h.PutAsync(unitId, c))
            .RequireAuthorization(Policies.Operator).Accepts<UnitUpdateRequest>("application/json");

        app.MapGet("/api/reports/{kind}/{period}", (string kind, string period, HttpContext c, ReportHandlers h) => h.GetAsync(kind, period, c))
            .WithTags("Reports").RequireAuthorization(Policies.AnyKey);
        app.MapGet("/api/actions", (HttpContext c, ActionHandlers h) => h.ListActionsAsync(c)).WithTags("Actions")
            .RequireAuthorization(Policies.AnyKey);
        app.MapGet("/api/notifications", (HttpContext c, ActionHandlers h) => h.ListNotificationsAsync(c)).WithTags("Notifications")
            .RequireAuthorization(Policies.AnyKey);
        return app;
    }
}
