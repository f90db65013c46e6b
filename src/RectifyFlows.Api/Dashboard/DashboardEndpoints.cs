using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Routing;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Dashboard;

/// <summary>
/// The dashboard: its pages (<see cref="DashboardAssets"/>, embedded in this dll, no CDN or content folder) under
/// <c>/dashboard/</c> (<c>/api/dashboard/</c> on Functions), and the lookups the pages need that the ledger API lacks
/// (plans and unit names). The public disclosure page is one of the pages (<c>public.html</c>).
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    public static IEnumerable<ApiRoute> Routes =>
    [
        // "/dashboard" and "/dashboard/" both match (routing ignores a trailing slash); the handler redirects the first.
        new("DashboardIndex", "GET", Path, null, "Dashboard", r => Task.FromResult(DashboardAssets.Index(r.Request))),
        // One flat folder of files, each with an extension: the dot in the constraint keeps this route from ever
        // matching a dot-less lookup (/api/dashboard/plans) on Functions, which tries its routes in registration order.
        new("DashboardAsset", "GET", Path + "/{asset:regex([.])}", null, "Dashboard",
            r => Task.FromResult(DashboardAssets.Serve(r.Route("asset")))),
        new("ListDashboardPlans", "GET", "/api/dashboard/plans", Policies.AnyKey, "Dashboard", ListPlansAsync),
        new("ListDashboardUnits", "GET", "/api/dashboard/units", Policies.AnyKey, "Dashboard", ListUnitsAsync) { Query = ["districtId"] },
    ];

    private static async Task<IResult> ListPlansAsync(ApiRequest r)
    {
        var plans = await r.Service<PlanDirectoryRepository>().ListAsync(r.Aborted);
        return TypedResults.Ok(new
        {
            count = plans.Count,
            items = plans.OrderBy(p => p.PlanId, StringComparer.Ordinal).Select(p => new { planId = p.PlanId, districtId = p.DistrictId }),
        });
    }

    /// <summary>Unit names and kinds of a district (no contacts): what filters and headings show instead of ids.</summary>
    private static async Task<IResult> ListUnitsAsync(ApiRequest r)
    {
        var districtId = r.Query("districtId");
        if (districtId is null || !Identifiers.IsValid(districtId))
        {
            return Problems.Validation("districtId", "is required and must be a valid id.");
        }

        var rows = await r.Service<UnitRepository>().ListByDistrictAsync(districtId, r.Aborted);
        return TypedResults.Ok(new
        {
            count = rows.Count,
            items = rows.Select(u => new { id = u.RowKey, u.Name, kind = JsonNames.Camel(u.Kind), u.ParentId }),
        });
    }
}
