using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// A township's strike result for the quarter: whether it struck, the consecutive count over adjacent quarters, the
/// sanction, and whether the quarter was evaluated late (after a newer one, so its count changed nothing after it).
/// </summary>
public sealed record StrikeOutcome(string UnitId, string Name, decimal Score, int Rank, bool Strike, int Consecutive, ActionKind? Sanction, bool Late = false);
