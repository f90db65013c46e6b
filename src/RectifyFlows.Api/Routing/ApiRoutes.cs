using RectifyFlows.Api.Actions;
using RectifyFlows.Api.Attendance;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Api.Dashboard;
using RectifyFlows.Api.Health;
using RectifyFlows.Api.Leads;
using RectifyFlows.Api.Ledger;
using RectifyFlows.Api.Measures;
using RectifyFlows.Api.OpenApi;
using RectifyFlows.Api.Operations;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Disclosure;
using RectifyFlows.Api.Projects;
using RectifyFlows.Api.Reports;
using RectifyFlows.Api.Security;
using RectifyFlows.Api.Units;
using RectifyFlows.Api.Webhooks;

namespace RectifyFlows.Api.Routing;

/// <summary>
/// Every HTTP route of the product, in one table: the standalone host maps its endpoints from it
/// (<see cref="HostRouteMapping.MapApiRoutes"/>), the Functions app declares one trigger per entry and runs the entry's
/// handler, and tests hold both hosts to it. Adding a route is one entry in the feature's <c>…Endpoints</c> class plus
/// its Functions trigger.
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
            .. PlanEndpoints.Routes,
            .. MeasureEndpoints.Routes,
            .. UnitEndpoints.Routes,
            .. ReportEndpoints.Routes,
            .. ActionEndpoints.Routes,
            .. CycleEndpoints.Routes,
            .. WebhookEndpoints.Routes,
            .. LeadEndpoints.Routes,
            .. AttendanceEndpoints.Routes,
            .. ProjectEndpoints.Routes,
            .. LedgerXlsxEndpoints.Routes,
            .. ProjectXlsxEndpoints.Routes,
            .. DashboardEndpoints.Routes,
            .. PublicDisclosureEndpoints.Routes,
            .. OpenApiEndpoints.Routes,
            .. CorsRules.Routes,
            .. OperationsEndpoints.Routes,
        ];
        var duplicate = routes.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? routes : throw new InvalidOperationException($"Route name '{duplicate.Key}' is used twice.");
    }
}
