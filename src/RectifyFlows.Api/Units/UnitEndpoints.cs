using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Units;

/// <summary>Unit contacts and names (operator only); the handling is <see cref="UnitHandlers"/>'.</summary>
public static class UnitEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("GetUnit", "GET", "/api/units/{unitId}", Policies.Operator, "Units", r => r.Service<UnitHandlers>().GetAsync(r.Route("unitId"), r.Context)),
        new("PutUnit", "PUT", "/api/units/{unitId}", Policies.Operator, "Units", r => r.Service<UnitHandlers>().PutAsync(r.Route("unitId"), r.Context))
        {
            Body = typeof(UnitUpdateRequest),
        },
    ];
}
