namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// A township's quarterly score and its parts (each 0–100), with its rank in its district. Without projects the
/// projects part has no data (<see cref="ProjectsHaveData"/> false): the score weighs the other parts only.
/// </summary>
public sealed record TownshipScore(
    string UnitId, string Name, string DistrictId, decimal Score, decimal Projects, decimal Measures, decimal Supervision, int Rank, bool Bottom,
    bool ProjectsHaveData = true);
