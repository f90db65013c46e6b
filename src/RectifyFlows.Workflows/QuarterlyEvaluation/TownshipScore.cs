namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>A township's quarterly score and its parts (each 0–100), with its rank in its district.</summary>
public sealed record TownshipScore(
    string UnitId, string Name, string DistrictId, decimal Score, decimal Projects, decimal Measures, decimal Supervision, int Rank, bool Bottom);
