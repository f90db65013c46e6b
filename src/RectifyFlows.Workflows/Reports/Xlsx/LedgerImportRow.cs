namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>A row of an uploaded ledger workbook: the measure, the two editable values, and the version it was exported at.</summary>
public sealed record LedgerImportRow(int RowNumber, string MeasureId, int Progress, DateOnly DueDate, long Version)
{
    /// <summary>The A1 reference of this row's cell in <paramref name="column"/> (a <see cref="LedgerWorkbook"/> column index).</summary>
    public string Cell(int column) => LedgerWorkbook.Cell(column, RowNumber);
}
