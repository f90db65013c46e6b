using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Ledger;

/// <summary>The projects routes of the shared route table (<c>ProjectEndpoints</c>, <c>ProjectXlsxEndpoints</c>) as HTTP triggers, run by <see cref="RouteTrigger"/>.</summary>
public static class ProjectHttpFunctions
{
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
}
