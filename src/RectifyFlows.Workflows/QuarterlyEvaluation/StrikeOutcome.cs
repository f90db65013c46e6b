using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>A township's strike result for the quarter: whether it struck, the consecutive count, and the sanction.</summary>
public sealed record StrikeOutcome(string UnitId, string Name, decimal Score, int Rank, bool Strike, int Consecutive, ActionKind? Sanction);
