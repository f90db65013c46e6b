using System.Globalization;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// How an import error names the cell to fix, the same for every workbook read back (the ledger, the projects
/// ledger): its A1 reference as the error's key, and "第5行 H列（进度(%)）：" as the start of its message.
/// </summary>
public static class XlsxCellNames
{
    /// <summary>The A1 reference of a column index and a 1-based row number.</summary>
    public static string Reference(int column, int row) => XlsxWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>"第5行 H列（进度(%)）：", the column named by its heading in <paramref name="headings"/>.</summary>
    public static string Where(int row, int column, IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        return string.Create(CultureInfo.InvariantCulture, $"第{row}行 {XlsxWriter.ColumnName(column)}列（{headings[column]}）：");
    }
}
