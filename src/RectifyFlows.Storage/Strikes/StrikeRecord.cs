namespace RectifyFlows.Storage.Strikes;

/// <summary>A quarter's consecutive strike count, and whether it was applied after a newer quarter (so it changed nothing after it).</summary>
public sealed record StrikeRecord(int Consecutive, bool Late);
