namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>Counts of a compiled bulletin or report.</summary>
public sealed record MonthlySummary(int Results, int Findings, int AttendanceBreaches, int OverdueMeasures, int ActionsOpened, int MessagesWritten);
