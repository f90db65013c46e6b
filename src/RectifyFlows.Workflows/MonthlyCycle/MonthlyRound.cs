namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>An opened round: the teams asked to inspect, those whose results are already in, and when the window closes.</summary>
public sealed record MonthlyRound(IReadOnlyList<string> Teams, IReadOnlyList<string> AlreadyReported, DateTimeOffset WindowClosesAt);
