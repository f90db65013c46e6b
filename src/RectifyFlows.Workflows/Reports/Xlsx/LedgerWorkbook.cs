using System.Globalization;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// The ledger as a workbook the office edits in Excel/WPS and uploads again. Only 进度(%) and 整改时限 are read
/// back; the other columns are there to read, and 版本 detects a row changed by someone else since the export.
/// The header must come back exactly as written, so a file of another shape is refused instead of misread; the
/// columns after 版本 (牵头领导, 责任单位, 来源标注, added with plan format 2) may be absent, so an older export still reads.
/// </summary>
public static class LedgerWorkbook
{
    public const string SheetName = "整改台账";

    public const int IdColumn = 0;
    public const int ProgressColumn = 7;
    public const int DueDateColumn = 8;
    public const int VersionColumn = 10;

    /// <summary>Progress is reported in whole percent, like the API's <c>{percent}</c>.</summary>
    public const int MaxProgress = 100;

    public static IReadOnlyList<string> Columns { get; } =
        ["措施编号", "问题", "序号", "整改措施", "牵头单位", "状态", "三色", "进度(%)", "整改时限", "逾期天数", "版本", "牵头领导", "责任单位", "来源标注"];

    /// <summary>The columns an uploaded file must have; the ones after them are for reading only and may be missing.</summary>
    public const int RequiredColumnCount = 11;

    private static readonly double[] Widths = [10, 28, 6, 60, 18, 10, 6, 9, 12, 9, 7, 14, 24, 12];

    public static byte[] Write(IEnumerable<LedgerWorkbookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.MeasureId, r.Problem, r.Number, r.Text, r.LeadUnit, r.Status, r.Colour, r.Progress,
            // Written as text: it reads back the same from any spreadsheet program and needs no date style.
            r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DaysOverdue, r.Version,
            r.LeadOfficial, r.ResponsibleUnits, r.Provenance,
        ]).ToList();
        return XlsxWriter.Write([new XlsxSheet(SheetName, Columns, data) { Widths = Widths }]);
    }

    /// <summary>Reads an uploaded workbook: the header, then every non-empty row; every bad cell is reported.</summary>
    public static LedgerWorkbookReadResult Read(Stream stream)
    {
        var errors = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string cell, string message)
        {
            if (!errors.TryGetValue(cell, out var list))
            {
                errors[cell] = list = [];
            }

            list.Add(message);
        }

        IReadOnlyList<XlsxRow> sheet;
        try
        {
            sheet = XlsxReader.ReadFirstSheet(stream);
        }
        catch (InvalidDataException ex)
        {
            Add("file", ex.Message);
            return Result([], errors);
        }

        var header = sheet.Count > 0 ? sheet[0] : null;
        for (var c = 0; c < Columns.Count; c++)
        {
            var found = header?[XlsxWriter.ColumnName(c)]?.Text.Trim() ?? string.Empty;
            if (found != Columns[c] && !(c >= RequiredColumnCount && found.Length == 0))
            {
                Add(Cell(c, 1), $"第1行 {XlsxWriter.ColumnName(c)}列应为“{Columns[c]}”，实际为“{found}”。请使用导出的台账模板，不要增删或移动列。");
            }
        }

        if (header is not null)
        {
            foreach (var extra in header.Cells.Values.Where(x => !x.IsEmpty && ColumnIndexOf(x.Column) >= Columns.Count))
            {
                Add(extra.Reference, $"第1行 {extra.Column}列“{extra.Text}”不是台账的列。请使用导出的台账模板。");
            }
        }

        if (errors.Count > 0)
        {
            return Result([], errors);
        }

        var rows = new List<LedgerImportRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Skip(1).Where(r => !r.IsEmpty))
        {
            var id = row[XlsxWriter.ColumnName(IdColumn)]?.Text.Trim() ?? string.Empty;
            var ok = true;
            if (!Domain.Plans.Identifiers.IsValid(id))
            {
                ok = Fail(Add, row.Number, IdColumn, $"“{id}”不是有效的措施编号。");
            }
            else if (seen.TryGetValue(id, out var first))
            {
                ok = Fail(Add, row.Number, IdColumn, $"措施 {id} 在第{first}行已出现，每个措施只能有一行。");
            }
            else
            {
                seen[id] = row.Number;
            }

            var progress = ReadInteger(row, ProgressColumn, 0, MaxProgress);
            if (progress is null)
            {
                ok = Fail(Add, row.Number, ProgressColumn, $"必须是 0 到 {MaxProgress} 的整数（实际为“{Text(row, ProgressColumn)}”）。");
            }

            var due = ReadDate(row, DueDateColumn);
            if (due is null)
            {
                ok = Fail(Add, row.Number, DueDateColumn, $"必须是日期，格式 yyyy-MM-dd（实际为“{Text(row, DueDateColumn)}”）。");
            }

            var version = ReadInteger(row, VersionColumn, 0, long.MaxValue);
            if (version is null)
            {
                ok = Fail(Add, row.Number, VersionColumn, $"必须是导出时的版本号（整数，实际为“{Text(row, VersionColumn)}”）。");
            }

            if (ok)
            {
                rows.Add(new LedgerImportRow(row.Number, id, (int)progress!.Value, due!.Value, version!.Value));
            }
        }

        return Result(rows, errors);
    }

    /// <summary>The A1 reference of a column index and a 1-based row number.</summary>
    public static string Cell(int column, int row) => XlsxCellNames.Reference(column, row);

    /// <summary>"第5行 H列（进度(%)）：" — the prefix every row error starts with, so a user finds the cell.</summary>
    public static string Where(int row, int column) => XlsxCellNames.Where(row, column, Columns);

    private static bool Fail(Action<string, string> add, int row, int column, string message)
    {
        add(Cell(column, row), Where(row, column) + message);
        return false;
    }

    private static string Text(XlsxRow row, int column) => row[XlsxWriter.ColumnName(column)]?.Text ?? string.Empty;

    private static long? ReadInteger(XlsxRow row, int column, long min, long max) => XlsxValues.WholeNumber(row[XlsxWriter.ColumnName(column)], min, max);

    private static DateOnly? ReadDate(XlsxRow row, int column) => XlsxValues.Date(row[XlsxWriter.ColumnName(column)]);

    private static int ColumnIndexOf(string letters) => letters.Aggregate(0, (n, ch) => n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1)) - 1;

    private static LedgerWorkbookReadResult Result(List<LedgerImportRow> rows, SortedDictionary<string, List<string>> errors) =>
        new(rows, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
