using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Projects;

/// <summary>The projects ledger (api.md, "Projects"); the handling is <see cref="ProjectHandlers"/>'.</summary>
public static class ProjectEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("RegisterProject", "POST", "/api/projects", Policies.Operator, "Projects",
            r => r.Service<ProjectHandlers>().RegisterAsync(r.Context)) { Body = typeof(ProjectRequest) },
        new("ListProjects", "GET", "/api/projects", Policies.AnyKey, "Projects",
            r => r.Service<ProjectHandlers>().ListAsync(r.Context)) { Query = ["officeId"] },
    ];
}
