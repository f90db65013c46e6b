namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>One measure as a row of the ledger workbook (the values a reader sees; colour and status in Chinese).</summary>
public sealed record LedgerWorkbookRow(
    string MeasureId, string Problem, int Number, string Text, string LeadUnit, string Status, string Colour,
    int Progress, DateOnly DueDate, int DaysOverdue, long Version);
