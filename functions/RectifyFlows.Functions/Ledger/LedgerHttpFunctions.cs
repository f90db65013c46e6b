using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Actions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Measures;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Reports;
using RectifyFlows.Api.Units;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Ledger;

/// <summary>
/// The plan-and-ledger routes of api.md as HTTP triggers: anonymous at the Functions level, authenticated by
/// <c>X-Api-Key</c> through <see cref="ApiAccess"/> with the same policies as the standalone host, handled by the
/// same shared handlers. Routes that move the escalation ladder bind a durable client for their
/// <see cref="EscalationStarter"/>.
/// </summary>
public sealed class LedgerHttpFunctions(
    PlanHandlers plans, MeasureHandlers measures, UnitHandlers units, ActionHandlers actions, ReportHandlers reports)
{
    [Function("ImportPlan")]
    public Task<IResult> ImportPlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => plans.ImportAsync(c, BoundClient.Create<EscalationStarter>(function, client)));

    [Function("GetPlan")]
    public Task<IResult> GetPlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}")] HttpRequest request, string planId) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, c => plans.GetAsync(planId, c));

    [Function("ListMeasures")]
    public Task<IResult> ListMeasuresAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "measures")] HttpRequest request) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, measures.ListAsync);

    [Function("GetMeasure")]
    public Task<IResult> GetMeasureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "measures/{measureId}")] HttpRequest request, string measureId) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, c => measures.GetAsync(measureId, c));

    [Function("ReportMeasureProgress")]
    public Task<IResult> ProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/progress")] HttpRequest request, string measureId) =>
        ApiAccess.HandleAsync(request, Policies.Unit, c => measures.ProgressAsync(measureId, c));

    [Function("SubmitMeasureEvidence")]
    public Task<IResult> EvidenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/evidence")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.Unit, c => measures.EvidenceAsync(measureId, c, BoundClient.Create<EscalationStarter>(function, client)));

    [Function("SignOffMeasure")]
    public Task<IResult> SignOffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/signoff")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.Reviewer, c => measures.SignOffAsync(measureId, c, BoundClient.Create<EscalationStarter>(function, client)));

    [Function("RequestMeasureExtension")]
    public Task<IResult> ExtensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/extension")] HttpRequest request, string measureId) =>
        ApiAccess.HandleAsync(request, Policies.Unit, c => measures.ExtensionAsync(measureId, c));

    [Function("DecideMeasureExtension")]
    public Task<IResult> ExtensionDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/extension/decision")] HttpRequest request,
        string measureId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        ApiAccess.HandleAsync(request, Policies.Reviewer,
            c => measures.ExtensionDecisionAsync(measureId, c, BoundClient.Create<EscalationStarter>(function, client)));

    [Function("GetUnit")]
    public Task<IResult> GetUnitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{unitId}")] HttpRequest request, string unitId) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => units.GetAsync(unitId, c));

    [Function("PutUnit")]
    public Task<IResult> PutUnitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "units/{unitId}")] HttpRequest request, string unitId) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => units.PutAsync(unitId, c));

    [Function("GetReport")]
    public Task<IResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{kind}/{period}")] HttpRequest request, string kind, string period) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, c => reports.GetAsync(kind, period, c));

    [Function("ListActions")]
    public Task<IResult> ListActionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions")] HttpRequest request) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, actions.ListActionsAsync);

    [Function("ListNotifications")]
    public Task<IResult> ListNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications")] HttpRequest request) =>
        ApiAccess.HandleAsync(request, Policies.AnyKey, actions.ListNotificationsAsync);
}
