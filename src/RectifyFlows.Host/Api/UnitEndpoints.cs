using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Host.Auth;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Host.Api;

/// <summary>Units with their contacts and members (read side; contact editing comes with the intake API).</summary>
public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/units/{unitId}", GetAsync).WithTags("Units").RequireAuthorization(Policies.Operator);
        return app;
    }

    private static async Task<IResult> GetAsync(string unitId, HttpContext context, UnitRepository units)
    {
        if (!Identifiers.IsValid(unitId))
        {
            return Problems.NotFound("Unit", unitId);
        }

        var details = await units.GetAsync(unitId, context.RequestAborted);
        return details is null ? Problems.NotFound("Unit", unitId) : TypedResults.Ok(details);
    }
}
