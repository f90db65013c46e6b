using System.Globalization;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// An office's projects ledger (项目台账) as a workbook: exported for editing in Excel/WPS, or filled in from the empty
/// export, and uploaded again. Every column is read back except the two name columns (乡镇, 村), which are there to read;
/// codes or their Chinese names are accepted for 资金级别, 状态 and 来源标注. 版本 is the stored version at export: a row
/// whose project changed since (a progress webhook, another upload) is refused instead of overwriting the newer state;
/// a new row leaves it empty. Only the cells' shape is checked here; what the values mean (units, amounts, dates in
/// order) is <see cref="ProjectReader"/>'s, the same rules as the plan file and <c>POST /api/projects</c>.
/// </summary>
public static class ProjectWorkbook
{
    public const string SheetName = "项目台账";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "项目编号", "项目名称", "乡镇编号", "乡镇", "村编号", "村", "类别", "年度", "资金级别",
        "下达资金(元)", "已拨付(元)", "状态", "进度(%)", "开工日期", "完工日期", "来源标注", "版本",
    ];

    /// <summary>The column of each field of <see cref="ProjectDocument"/> (the names <see cref="ProjectReader"/> reports).</summary>
    public static IReadOnlyDictionary<string, int> FieldColumns { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["id"] = 0, ["name"] = 1, ["townshipId"] = 2, ["villageId"] = 4, ["category"] = 6, ["year"] = 7, ["fundingLevel"] = 8,
        ["allocated"] = 9, ["disbursed"] = 10, ["status"] = 11, ["percent"] = 12, ["startedOn"] = 13, ["completedOn"] = 14,
        ["provenance"] = 15, ["version"] = 16,
    };

    private static readonly double[] Widths = [16, 36, 14, 10, 14, 10, 10, 6, 8, 14, 14, 8, 8, 12, 12, 8, 6];

    /// <summary>A project as exported: the stored project, its version and the names of its township and village.</summary>
    public sealed record Row(Project Project, long Version, string TownshipName, string? VillageName);

    public static byte[] Write(IEnumerable<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Project.Id, r.Project.Name, r.Project.UnitId, r.TownshipName, r.Project.VillageId, r.VillageName, r.Project.Category,
            r.Project.Year, FundingLevels.Chinese(r.Project.FundingLevel), r.Project.Allocated, r.Project.Disbursed,
            ProjectStatuses.Chinese(r.Project.Status), r.Project.Percent, Date(r.Project.StartedOn), Date(r.Project.CompletedOn),
            r.Project.Provenance.DisplayName(), r.Version,
        ]).ToList();
        return XlsxWriter.Write([new XlsxSheet(SheetName, Columns, data) { Widths = Widths }]);
    }

    /// <summary>Reads an uploaded workbook: the header must be the exported one; every unreadable cell is reported.</summary>
    public static ProjectWorkbookReadResult Read(Stream stream)
    {
        var errors = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(int column, int row, string message)
        {
            var cell = XlsxCellNames.Reference(column, row);
            if (!errors.TryGetValue(cell, out var list))
            {
                errors[cell] = list = [];
            }

            list.Add(Where(row, column) + message);
        }

        IReadOnlyList<XlsxRow> sheet;
        try
        {
            sheet = XlsxReader.ReadFirstSheet(stream);
        }
        catch (InvalidDataException ex)
        {
            return new([], new Dictionary<string, string[]> { ["file"] = [ex.Message] });
        }

        var header = sheet.Count > 0 ? sheet[0] : null;
        for (var c = 0; c < Columns.Count; c++)
        {
            var found = header?[XlsxWriter.ColumnName(c)]?.Text.Trim() ?? string.Empty;
            if (found != Columns[c])
            {
                Add(c, 1, $"应为“{Columns[c]}”，实际为“{found}”。请使用导出的项目台账模板，不要增删或移动列。");
            }
        }

        if (errors.Count > 0)
        {
            return Result([], errors);
        }

        var rows = new List<ProjectImportRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Skip(1).Where(r => !r.IsEmpty))
        {
            var before = errors.Count;
            string? Text(int column) => row[XlsxWriter.ColumnName(column)] is { IsEmpty: false } cell ? cell.Text.Trim() : null;
            long? Integer(int column, long min, long max)
            {
                var cell = row[XlsxWriter.ColumnName(column)];
                if (cell is null || cell.IsEmpty)
                {
                    return null;
                }

                var value = XlsxValues.WholeNumber(cell, min, max);
                if (value is null)
                {
                    Add(column, row.Number, $"必须是 {min} 到 {max} 的整数（实际为“{cell.Text}”）。");
                }

                return value;
            }

            decimal? Amount(int column)
            {
                var cell = row[XlsxWriter.ColumnName(column)];
                if (cell is null || cell.IsEmpty)
                {
                    return null;
                }

                var value = XlsxValues.Amount(cell);
                if (value is null)
                {
                    Add(column, row.Number, $"必须是金额（元，数字；实际为“{cell.Text}”）。");
                }

                return value;
            }

            string? DateText(int column)
            {
                var cell = row[XlsxWriter.ColumnName(column)];
                if (cell is null || cell.IsEmpty)
                {
                    return null;
                }

                var value = XlsxValues.Date(cell);
                if (value is null)
                {
                    Add(column, row.Number, $"必须是日期，格式 yyyy-MM-dd（实际为“{cell.Text}”）。");
                }

                return Date(value);
            }

            string? Coded(int column, IEnumerable<string> codes, Func<string, string> chinese)
            {
                var text = Text(column);
                if (text is null)
                {
                    return null;
                }

                // A code or its Chinese name; anything else is passed on for ProjectReader to name the allowed values.
                return codes.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase) || chinese(c) == text) ?? text;
            }

            var id = Text(0);
            if (id is not null && seen.TryGetValue(id, out var first))
            {
                Add(0, row.Number, $"项目 {id} 在第{first}行已出现，每个项目只能有一行。");
            }
            else if (id is not null)
            {
                seen[id] = row.Number;
            }

            var document = new ProjectDocument
            {
                Id = id,
                Name = Text(1),
                TownshipId = Text(2),
                VillageId = Text(4),
                Category = Text(6),
                Year = (int?)Integer(7, 2000, 2100),
                FundingLevel = Coded(8, FundingLevels.All, FundingLevels.Chinese),
                Allocated = Amount(9),
                Disbursed = Amount(10),
                Status = Coded(11, ProjectStatuses.All, ProjectStatuses.Chinese),
                Percent = (int?)Integer(12, 0, 100),
                StartedOn = DateText(13),
                CompletedOn = DateText(14),
                Provenance = Coded(15, Enum.GetNames<Provenance>(), name =>
                    Enum.Parse<Provenance>(name, ignoreCase: true).DisplayName()),
            };
            var version = Integer(16, 0, long.MaxValue);
            if (errors.Count == before)
            {
                rows.Add(new ProjectImportRow(row.Number, document, version));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors["A2"] = ["第2行起没有项目。导出的台账可以直接填写新项目后上传。"];
        }

        return Result(rows, errors);
    }

    /// <summary>"第5行 B列（项目名称）：" — the prefix every row error starts with, so a user finds the cell.</summary>
    public static string Where(int row, int column) => XlsxCellNames.Where(row, column, Columns);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ProjectWorkbookReadResult Result(List<ProjectImportRow> rows, SortedDictionary<string, List<string>> errors) =>
        new(rows, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}

/// <summary>A row of an uploaded projects ledger: its 1-based number, the project as written and the version it was exported at.</summary>
public sealed record ProjectImportRow(int RowNumber, ProjectDocument Document, long? Version);

/// <summary>The rows of an uploaded projects ledger, or the problems found in it keyed by cell (<c>J5</c>).</summary>
public sealed record ProjectWorkbookReadResult(IReadOnlyList<ProjectImportRow> Rows, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
