using RectifyFlows.Domain.Units;

namespace RectifyFlows.Storage.Units;

/// <summary>A unit with the cadres, officials and supervision teams that belong to it.</summary>
public sealed record UnitDetails(
    Unit Unit, IReadOnlyList<Cadre> Cadres, IReadOnlyList<Official> Officials, IReadOnlyList<SupervisionTeam> Teams);
