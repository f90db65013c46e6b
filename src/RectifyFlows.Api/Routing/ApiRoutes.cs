using RectifyFlows.Api.Actions;
using RectifyFlows.Api.Attendance;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Api.Dashboard;
using RectifyFlows.Api.Disclosure;
using RectifyFlows.Api.Health;
using RectifyFlows.Api.Leads;
using RectifyFlows.Api.Ledger;
using RectifyFlows.Api.Measures;
using RectifyFlows.Api.OpenApi;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Projects;
using RectifyFlows.Api.Reports;
using RectifyFlows.Api.Security;
using RectifyFlows.Api.Units;
using RectifyFlows.Api.Webhooks;
using Microsoft.AspNetCore.Http;
using RectifyFlows.Operations;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Api.Routing;

/// <summary>
/// Every HTTP route of the product, in one table: the standalone host maps its endpoints from it
/// (<see cref="HostRouteMapping.MapApiRoutes"/>), the Functions app declares one trigger per entry and runs the entry's
/// handler, and tests hold both hosts to it. A route whose handling lives in a feature's handler class is a row here;
/// a feature whose handlers are private to its <c>…Endpoints</c> class (health, dashboard, public disclosure, OpenAPI,
/// the xlsx ledgers, CORS) keeps its rows beside them. Adding a route is one row plus its Functions trigger.
/// </summary>
public static class ApiRoutes
{
    private static readonly Lazy<IReadOnlyList<ApiRoute>> Table = new(Build);

    public static IReadOnlyList<ApiRoute> All => Table.Value;

    /// <summary>The route whose name (a Functions trigger's <c>[Function]</c> name) is <paramref name="name"/>.</summary>
    public static ApiRoute Named(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No route of the table has this name.");

    private static List<ApiRoute> Build()
    {
        List<ApiRoute> routes =
        [
            .. HealthEndpoints.Routes,

            // Plan import and read (api.md, "Plan and ledger").
            new("ImportPlan", "POST", "/api/plans", Policies.Operator, "Plans",
                r => r.Service<PlanHandlers>().ImportAsync(r.Context, r.Durable<EscalationStarter>())) { Durable = true, Body = typeof(object) },
            new("GetPlan", "GET", "/api/plans/{planId}", Policies.AnyKey, "Plans", r => r.Service<PlanHandlers>().GetAsync(r.Route("planId"), r.Context)),

            // The measure ledger (api.md): list, read, and the lifecycle steps.
            new("ListMeasures", "GET", "/api/measures", Policies.AnyKey, "Measures", r => r.Service<MeasureHandlers>().ListAsync(r.Context))
            {
                Query = ["planId", "unitId", "status", "colour", "overdue", "asOf"],
            },
            new("GetMeasure", "GET", "/api/measures/{measureId}", Policies.AnyKey, "Measures",
                r => r.Service<MeasureHandlers>().GetAsync(r.Route("measureId"), r.Context)),
            new("ReportMeasureProgress", "POST", "/api/measures/{measureId}/progress", Policies.Unit, "Measures",
                r => r.Service<MeasureHandlers>().ProgressAsync(r.Route("measureId"), r.Context)) { Body = typeof(ProgressRequest) },
            new("SubmitMeasureEvidence", "POST", "/api/measures/{measureId}/evidence", Policies.Unit, "Measures",
                r => r.Service<MeasureHandlers>().EvidenceAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
            {
                Durable = true, Body = typeof(EvidenceRequest),
            },
            new("SignOffMeasure", "POST", "/api/measures/{measureId}/signoff", Policies.Reviewer, "Measures",
                r => r.Service<MeasureHandlers>().SignOffAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
            {
                Durable = true, Body = typeof(SignOffRequest),
            },
            new("RequestMeasureExtension", "POST", "/api/measures/{measureId}/extension", Policies.Unit, "Measures",
                r => r.Service<MeasureHandlers>().ExtensionAsync(r.Route("measureId"), r.Context)) { Body = typeof(ExtensionRequest) },
            new("DecideMeasureExtension", "POST", "/api/measures/{measureId}/extension/decision", Policies.Reviewer, "Measures",
                r => r.Service<MeasureHandlers>().ExtensionDecisionAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
            {
                Durable = true, Body = typeof(ExtensionDecisionRequest),
            },

            // Unit contacts and names (operator only).
            new("GetUnit", "GET", "/api/units/{unitId}", Policies.Operator, "Units", r => r.Service<UnitHandlers>().GetAsync(r.Route("unitId"), r.Context)),
            new("PutUnit", "PUT", "/api/units/{unitId}", Policies.Operator, "Units", r => r.Service<UnitHandlers>().PutAsync(r.Route("unitId"), r.Context))
            {
                Body = typeof(UnitUpdateRequest),
            },

            // Archived reports and the monthly report's sign-off.
            new("GetReport", "GET", "/api/reports/{kind}/{period}", Policies.AnyKey, "Reports",
                r => r.Service<ReportHandlers>().GetAsync(r.Route("kind"), r.Route("period"), r.Context)) { Query = ["office", "format"] },
            new("SignOffMonthlyReport", "POST", "/api/reports/monthly/{period}/signoff", Policies.Reviewer, "Reports",
                r => r.Service<MonthlySignoffApi>().SignOffAsync(r.Route("period"), r.User.PrincipalId(), r.Aborted)),

            // The accountability actions (read, and reported carried out with proof) and the notification outbox (read-only).
            new("ListActions", "GET", "/api/actions", Policies.AnyKey, "Actions", r => r.Service<ActionHandlers>().ListActionsAsync(r.Context))
            {
                Query = ["unitId", "kind", "status", "source"],
            },
            new("GetAction", "GET", "/api/actions/{unitId}/{actionId}", Policies.AnyKey, "Actions",
                r => r.Service<ActionHandlers>().GetAsync(r.Route("unitId"), r.Route("actionId"), r.Context)),
            new("CompleteAction", "POST", "/api/actions/{unitId}/{actionId}/completion", Policies.UnitOrOperator, "Actions",
                r => r.Service<ActionHandlers>().CompleteAsync(r.Route("unitId"), r.Route("actionId"), r.Context, r.Durable<EscalationStarter>()))
            {
                Durable = true, Body = typeof(ActionCompletionRequest),
            },
            new("ListNotifications", "GET", "/api/notifications", Policies.AnyKey, "Notifications",
                r => r.Service<ActionHandlers>().ListNotificationsAsync(r.Context)) { Query = ["recipient", "status", "kind", "since"] },

            // Start (idempotent) and read the cycles: /api/cycles/{monthly|weekly|quarterly|ten-day}/{period}[?office=].
            new("StartCycle", "POST", "/api/cycles/{kind}/{period}", Policies.Operator, "Cycles",
                r => CycleApi.StartAsync(r.Durable<CycleStarter>(), r.Route("kind"), r.Route("period"), r.Aborted)) { Durable = true },
            new("GetCycle", "GET", "/api/cycles/{kind}/{period}", Policies.AnyKey, "Cycles",
                r => CycleApi.GetAsync(r.Durable<CycleStarter>(), r.Route("kind"), r.Route("period"), r.Query("office"), r.Aborted))
            {
                Durable = true, Query = ["office"],
            },

            // Signed webhook intake (api.md): anonymous routes, authenticated by their HMAC signature, not by a key.
            new("InspectionResultsWebhook", "POST", "/api/webhooks/inspection-results", null, "Webhooks",
                r => r.Service<InspectionResultWebhook>().HandleAsync(r.Request, r.Durable<InspectionIntake>())) { Durable = true },
            new("ProjectProgressWebhook", "POST", "/api/webhooks/project-progress", null, "Webhooks",
                r => r.Service<ProjectProgressWebhook>().HandleAsync(r.Request)),
            new("AttendanceWebhook", "POST", "/api/webhooks/attendance", null, "Webhooks", r => r.Service<AttendanceWebhook>().HandleAsync(r.Request)),
            new("LeadsWebhook", "POST", "/api/webhooks/leads", null, "Webhooks", r => r.Service<LeadWebhook>().HandleAsync(r.Request)),

            // The leads ledger (operator keys; audit rows name the key's principal).
            new("ListLeads", "GET", "/api/leads", Policies.Operator, "Leads",
                r => r.Service<LeadApi>().ListAsync(r.Query("status"), r.Query("overdue"), r.Aborted)) { Query = ["status", "overdue"] },
            new("GetLead", "GET", "/api/leads/{id}", Policies.Operator, "Leads", r => r.Service<LeadApi>().GetAsync(r.Route("id"), r.Aborted)),
            new("AssignLead", "POST", "/api/leads/{id}/assign", Policies.Operator, "Leads",
                r => r.Service<LeadApi>().AssignAsync(r.Request, r.Route("id"), r.User.PrincipalId())) { Body = typeof(LeadAssignRequest) },
            new("DisposeLead", "POST", "/api/leads/{id}/disposition", Policies.Operator, "Leads",
                r => r.Service<LeadApi>().DispositionAsync(r.Request, r.Route("id"), r.User.PrincipalId())) { Body = typeof(LeadDispositionRequest) },

            // The attendance ledger (any key; a unit key is scoped to its unit).
            new("ListAttendance", "GET", "/api/attendance", Policies.AnyKey, "Attendance",
                r => r.Service<AttendanceApi>().ListAsync(r.Query("month"), r.Query("unitId"), r.Query("breaches"), r.User.UnitId(), r.Aborted))
            {
                Query = ["month", "unitId", "breaches"],
            },

            // The projects ledger (api.md, "Projects").
            new("RegisterProject", "POST", "/api/projects", Policies.Operator, "Projects",
                r => r.Service<ProjectHandlers>().RegisterAsync(r.Context)) { Body = typeof(ProjectRequest) },
            new("ListProjects", "GET", "/api/projects", Policies.AnyKey, "Projects", r => r.Service<ProjectHandlers>().ListAsync(r.Context)) { Query = ["officeId"] },
            .. LedgerXlsxEndpoints.Routes,
            .. ProjectXlsxEndpoints.Routes,
            .. DashboardEndpoints.Routes,
            .. PublicDisclosureEndpoints.Routes,
            .. OpenApiEndpoints.Routes,
            .. CorsRules.Routes,

            // Counts every row of every table: a scan, so an operator command, not something a dashboard polls.
            new("GetStoreSizes", "GET", "/api/operations/sizes", Policies.Operator, "Operations",
                async r => TypedResults.Ok(await r.Service<StoreSizes>().MeasureAsync(r.Aborted))),
        ];
        var duplicate = routes.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? routes : throw new InvalidOperationException($"Route name '{duplicate.Key}' is used twice.");
    }
}
