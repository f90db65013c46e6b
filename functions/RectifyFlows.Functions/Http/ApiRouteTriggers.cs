using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace RectifyFlows.Functions.Http;

/// <summary>
/// The shared route table (<c>ApiRoutes</c>) as HTTP triggers, one per entry, grouped by the table's features. A
/// trigger is only its declaration (name, method, route, route values, a durable client for a route that drives
/// orchestrations), anonymous at the Functions level; <see cref="RouteTrigger"/> runs the entry's handler behind the
/// standalone host's checks. <c>RouteTableTests</c> hold these declarations and the table to each other in both
/// directions, so they are kept in one list here, as the durable wrappers are in <c>Durable/TaskFunctions</c>.
/// </summary>
public static class ApiRouteTriggers
{
    // The health route (HealthEndpoints), at /api/healthz; no key needed.
    [Function("Health")]
    public static Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        RouteTrigger.RunAsync("Health", request);

    // Plans, measures, units, reports, actions.
    // Routes that move the escalation ladder bind a durable client.
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
    public static Task<IResult> ReportMeasureProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/progress")] HttpRequest request, string measureId) =>
        RouteTrigger.RunAsync("ReportMeasureProgress", request, measureId);

    [Function("SubmitMeasureEvidence")]
    public static Task<IResult> SubmitMeasureEvidenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/evidence")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("SubmitMeasureEvidence", request, client, measureId);

    [Function("SignOffMeasure")]
    public static Task<IResult> SignOffMeasureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/signoff")] HttpRequest request, string measureId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("SignOffMeasure", request, client, measureId);

    [Function("RequestMeasureExtension")]
    public static Task<IResult> RequestMeasureExtensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "measures/{measureId}/extension")] HttpRequest request, string measureId) =>
        RouteTrigger.RunAsync("RequestMeasureExtension", request, measureId);

    [Function("DecideMeasureExtension")]
    public static Task<IResult> DecideMeasureExtensionAsync(
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

    [Function("GetAction")]
    public static Task<IResult> GetActionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions/{unitId}/{actionId}")] HttpRequest request, string unitId, string actionId) =>
        RouteTrigger.RunAsync("GetAction", request, unitId, actionId);

    [Function("CompleteAction")]
    public static Task<IResult> CompleteActionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "actions/{unitId}/{actionId}/completion")] HttpRequest request, string unitId,
        string actionId, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("CompleteAction", request, client, unitId, actionId);

    [Function("ListNotifications")]
    public static Task<IResult> ListNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notifications")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListNotifications", request);

    // Cycles, over the bound durable client.
    [Function("StartCycle")]
    public static Task<IResult> StartCycleAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cycles/{kind}/{period}")] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("StartCycle", request, client, kind, period);

    [Function("GetCycle")]
    public static Task<IResult> GetCycleAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cycles/{kind}/{period}")] HttpRequest request,
        string kind, string period, [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("GetCycle", request, client, kind, period);

    // The signed webhooks, authenticated by their HMAC signature.
    // An accepted inspection result is raised into the running monthly cycle.
    [Function("InspectionResultsWebhook")]
    public static Task<IResult> InspectionResultsWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/inspection-results")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("InspectionResultsWebhook", request, client);

    [Function("ProjectProgressWebhook")]
    public static Task<IResult> ProjectProgressWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/project-progress")] HttpRequest request) =>
        RouteTrigger.RunAsync("ProjectProgressWebhook", request);

    [Function("AttendanceWebhook")]
    public static Task<IResult> AttendanceWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/attendance")] HttpRequest request) =>
        RouteTrigger.RunAsync("AttendanceWebhook", request);

    [Function("LeadsWebhook")]
    public static Task<IResult> LeadsWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/leads")] HttpRequest request) =>
        RouteTrigger.RunAsync("LeadsWebhook", request);

    // The leads ledger.
    [Function("ListLeads")]
    public static Task<IResult> ListLeadsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListLeads", request);

    [Function("GetLead")]
    public static Task<IResult> GetLeadAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads/{id}")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("GetLead", request, id);

    [Function("AssignLead")]
    public static Task<IResult> AssignLeadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/assign")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("AssignLead", request, id);

    [Function("DisposeLead")]
    public static Task<IResult> DisposeLeadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/disposition")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("DisposeLead", request, id);

    // Attendance.
    [Function("ListAttendance")]
    public static Task<IResult> ListAttendanceAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attendance")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListAttendance", request);

    // Projects and their .xlsx round trip (the projects rows, ProjectXlsxEndpoints).
    [Function("RegisterProject")]
    public static Task<IResult> RegisterProjectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects")] HttpRequest request) =>
        RouteTrigger.RunAsync("RegisterProject", request);

    [Function("ListProjects")]
    public static Task<IResult> ListProjectsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListProjects", request);

    [Function("ExportProjectsXlsx")]
    public static Task<IResult> ExportProjectsXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/ledger.xlsx")] HttpRequest request) =>
        RouteTrigger.RunAsync("ExportProjectsXlsx", request);

    [Function("ImportProjectsXlsx")]
    public static Task<IResult> ImportProjectsXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/ledger.xlsx")] HttpRequest request) =>
        RouteTrigger.RunAsync("ImportProjectsXlsx", request);

    // The plan ledger's .xlsx round trip (LedgerXlsxEndpoints); an imported deadline moves the escalation ladder.
    [Function("ExportLedgerXlsx")]
    public static Task<IResult> ExportLedgerXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}/ledger.xlsx")] HttpRequest request, string planId) =>
        RouteTrigger.RunAsync("ExportLedgerXlsx", request, planId);

    [Function("ImportLedgerXlsx")]
    public static Task<IResult> ImportLedgerXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans/{planId}/ledger.xlsx")] HttpRequest request, string planId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("ImportLedgerXlsx", request, client, planId);

    // The dashboard at /api/dashboard/ (public.html needs no key), its lookups, the public disclosure data and the
    // OpenAPI document. The pages call /api/..., the same path on both hosts.
    [Function("DashboardIndex")]
    public static Task<IResult> DashboardIndexAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request) =>
        RouteTrigger.RunAsync("DashboardIndex", request);

    [Function("DashboardAsset")]
    public static Task<IResult> DashboardAssetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{asset:regex([.])}")] HttpRequest request, string asset) =>
        RouteTrigger.RunAsync("DashboardAsset", request, asset);

    [Function("ListDashboardPlans")]
    public static Task<IResult> ListDashboardPlansAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/plans")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListDashboardPlans", request);

    [Function("ListDashboardUnits")]
    public static Task<IResult> ListDashboardUnitsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/units")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListDashboardUnits", request);

    [Function("ListPublicProjects")]
    public static Task<IResult> ListPublicProjectsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/projects")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListPublicProjects", request);

    [Function("OpenApiDocument")]
    public static Task<IResult> OpenApiDocumentAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        RouteTrigger.RunAsync("OpenApiDocument", request);

    // CORS preflights for every route (CorsPreflight): a catch-all for OPTIONS only, so it never takes another
    // method's request whatever order the Functions host tries its routes in.
    [Function("CorsPreflight")]
    public static Task<IResult> CorsPreflightAsync([HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest request, string? path) =>
        RouteTrigger.RunAsync("CorsPreflight", request, path);

    // The operator routes.
    [Function("GetStoreSizes")]
    public static Task<IResult> GetStoreSizesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/sizes")] HttpRequest request) =>
        RouteTrigger.RunAsync("GetStoreSizes", request);
}
