namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// One measure as a row of the ledger workbook (the values a reader sees; colour and status in Chinese). LeadUnit
/// names every lead unit (扶贫办、村建所); LeadOfficial is empty when the plan names none; Provenance says which of the
/// row's items the source does not state (推定, 合成).
/// </summary>
public sealed record LedgerWorkbookRow(
    string MeasureId, string Problem, int Number, string Text, string LeadUnit, string Status, string Colour,
    int Progress, DateOnly DueDate, int DaysOverdue, long Version,
    string LeadOfficial = "", string ResponsibleUnits = "", string Provenance = "");
