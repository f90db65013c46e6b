using RectifyFlows.Domain.Units;

namespace RectifyFlows.Testing;

/// <summary>A unit as <c>GET api/units/{unitId}</c> shows it (the <c>unit</c> of the answer; its contacts and members are not read).</summary>
public sealed record UnitView(string Id, string Name, UnitKind Kind, string DistrictId, string? ParentId);
