using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Units;

/// <summary>Units with their contacts and members (read side; contact editing comes with the intake API).</summary>
public sealed class UnitHandlers(UnitRepository units)
{
    /// <summary><c>GET /api/units/{unitId}</c>.</summary>
    public async Task<IResult> GetAsync(string unitId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Identifiers.IsValid(unitId))
        {
            return Problems.NotFound("Unit", unitId);
        }

        var details = await units.GetAsync(unitId, context.RequestAborted);
        return details is null ? Problems.NotFound("Unit", unitId) : TypedResults.Ok(details);
    }
}
