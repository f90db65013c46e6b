using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Api.Units;

#pragma warning disable CA1002, CA2227 // DTO of the JSON contract.

/// <summary><c>PUT /api/units/{unitId}</c>: the unit's contacts, replacing the stored list (same fields as the plan file).</summary>
public sealed class UnitUpdateRequest
{
    public List<ContactDocument?>? Contacts { get; set; }
}
