using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Dashboard;

/// <summary>
/// The dashboard and the public disclosure page on Azure (the shared route table's <c>DashboardEndpoints</c> and
/// <c>PublicDisclosureEndpoints</c>): the pages at <c>/api/dashboard/</c> (<c>public.html</c> needs no key), their
/// lookups, and the anonymous public data. The pages call <c>/api/...</c>, which is the same path on both hosts.
/// </summary>
public static class DashboardFunctions
{
    [Function("DashboardIndex")]
    public static Task<IResult> IndexAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request) =>
        RouteTrigger.RunAsync("DashboardIndex", request);

    [Function("DashboardAsset")]
    public static Task<IResult> AssetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{asset:regex([.])}")] HttpRequest request, string asset) =>
        RouteTrigger.RunAsync("DashboardAsset", request, asset);

    [Function("ListDashboardPlans")]
    public static Task<IResult> ListPlansAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/plans")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListDashboardPlans", request);

    [Function("ListDashboardUnits")]
    public static Task<IResult> ListUnitsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/units")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListDashboardUnits", request);

    [Function("ListPublicProjects")]
    public static Task<IResult> ListPublicProjectsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/projects")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListPublicProjects", request);

    [Function("OpenApiDocument")]
    public static Task<IResult> OpenApiAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        RouteTrigger.RunAsync("OpenApiDocument", request);
}
