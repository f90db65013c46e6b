using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Ledger;

/// <summary>
/// The plan-and-ledger routes of the shared route table (<c>PlanEndpoints</c>, <c>MeasureEndpoints</c>,
/// <c>UnitEndpoints</c>, <c>ReportEndpoints</c>, <c>ActionEndpoints</c>) as HTTP triggers, run by <see cref="RouteTrigger"/>.
/// Routes that move the escalation ladder bind a durable client.
/// </summary>
public static class LedgerHttpFunctions
{
    [Function("ImportPlan")]
    public static Task<IResult> ImportPlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("ImportPlan", request, client);

    [Function("GetPlan")]
    public static Task<IResult> GetPlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}")] HttpRequest request, string planId) =>
        RouteTrigger.RunAsync("GetPlan", request, planId);

    [Function("ListMeasures")]
    public static Task<IResult> ListMeasuresAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "measures")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListMeasures", request);

    [Function("GetMeasure")]
    public static Task<IResult> GetMeasureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "measures/{measureId}")] HttpRequest request, string measureId) =>
        RouteTrigger.RunAsync("GetMeasure", request, measureId);

    [Function("ReportMeasureProgress")]
    public static Task<IResult> ProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/progress")] HttpRequest request, string measureId) =>
        RouteTrigger.RunAsync("ReportMeasureProgress", request, measureId);

    [Function("SubmitMeasureEvidence")]
    public static Task<IResult> EvidenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/evidence")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("SubmitMeasureEvidence", request, client, measureId);

    [Function("SignOffMeasure")]
    public static Task<IResult> SignOffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/signoff")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("SignOffMeasure", request, client, measureId);

    [Function("RequestMeasureExtension")]
    public static Task<IResult> ExtensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/extension")] HttpRequest request, string measureId) =>
        RouteTrigger.RunAsync("RequestMeasureExtension", request, measureId);

    [Function("DecideMeasureExtension")]
    public static Task<IResult> ExtensionDecisionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/extension/decision")] HttpRequest request,
        string measureId, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("DecideMeasureExtension", request, client, measureId);

    [Function("GetUnit")]
    public static Task<IResult> GetUnitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{unitId}")] HttpRequest request, string unitId) =>
        RouteTrigger.RunAsync("GetUnit", request, unitId);

    [Function("PutUnit")]
    public static Task<IResult> PutUnitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "units/{unitId}")] HttpRequest request, string unitId) =>
        RouteTrigger.RunAsync("PutUnit", request, unitId);

    [Function("GetReport")]
    public static Task<IResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{kind}/{period}")] HttpRequest request, string kind, string period) =>
        RouteTrigger.RunAsync("GetReport", request, kind, period);

    [Function("SignOffMonthlyReport")]
    public static Task<IResult> SignOffMonthlyReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/monthly/{period}/signoff")] HttpRequest request, string period) =>
        RouteTrigger.RunAsync("SignOffMonthlyReport", request, period);

    [Function("ListActions")]
    public static Task<IResult> ListActionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListActions", request);

    [Function("ListNotifications")]
    public static Task<IResult> ListNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListNotifications", request);
}
