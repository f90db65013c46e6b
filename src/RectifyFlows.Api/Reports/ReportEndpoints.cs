using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Reports;

/// <summary>Archived reports and the monthly report's sign-off.</summary>
public static class ReportEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("GetReport", "GET", "/api/reports/{kind}/{period}", Policies.AnyKey, "Reports",
            r => r.Service<ReportHandlers>().GetAsync(r.Route("kind"), r.Route("period"), r.Context)) { Query = ["office", "format"] },
        new("SignOffMonthlyReport", "POST", "/api/reports/monthly/{period}/signoff", Policies.Reviewer, "Reports",
            r => r.Service<MonthlySignoffApi>().SignOffAsync(r.Route("period"), r.User.PrincipalId(), r.Aborted)),
    ];
}
