using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Operations;

namespace RectifyFlows.Api.Operations;

/// <summary>Operator routes for running the store for years (docs/operations.md).</summary>
public static class OperationsEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        // Counts every row of every table: a scan, so an operator command, not something a dashboard polls.
        new("GetStoreSizes", "GET", "/api/operations/sizes", Policies.Operator, "Operations",
            async r => TypedResults.Ok(await r.Service<StoreSizes>().MeasureAsync(r.Aborted))),
    ];
}
