using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace RectifyFlows.Functions.Http;

/// <summary>
/// Answers CORS preflights for every route (the shared table's <c>CorsPreflight</c>): a catch-all for OPTIONS only,
/// so it never takes another method's request whatever order the Functions host tries its routes in.
/// </summary>
public static class CorsPreflightFunction
{
    [Function("CorsPreflight")]
    public static Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest request, string? path) =>
        RouteTrigger.RunAsync("CorsPreflight", request, path);
}
