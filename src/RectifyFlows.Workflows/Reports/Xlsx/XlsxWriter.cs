using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>Writes worksheets to an .xlsx workbook (SpreadsheetML) with a bold, frozen header row.</summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const double DefaultWidth = 14;

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = BuildWorksheet(sheet);
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = (uint)(i + 1),
                    Name = UniqueName(SheetName(sheet.Name), names),
                });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The A1 column letters of a zero-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Worksheet BuildWorksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        // The header stays visible while scrolling a long ledger.
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var c = 0; c < sheet.Header.Count; c++)
        {
            var width = c < sheet.Widths.Count ? sheet.Widths[c] : DefaultWidth;
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }

        if (sheet.Header.Count > 0)
        {
            worksheet.Append(columns);
        }

        var data = new SheetData();
        data.Append(BuildRow(1, sheet.Header, HeaderStyle));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            data.Append(BuildRow((uint)(r + 2), sheet.Rows[r], 0));
        }

        worksheet.Append(data);
        return worksheet;
    }

    private static Row BuildRow<T>(uint index, IReadOnlyList<T> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            var cell = values[c] switch
            {
                null => null,
                int or long or decimal or double or float => new Cell
                {
                    CellReference = reference,
                    CellValue = new CellValue(Convert.ToString(values[c], CultureInfo.InvariantCulture)!),
                },
                // Inline strings keep each cell self-contained: no shared-string table to keep in step.
                var value => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)
                    {
                        Space = SpaceProcessingModeValues.Preserve,
                    }),
                },
            };
            if (cell is not null)
            {
                if (style != 0)
                {
                    cell.StyleIndex = style;
                }

                row.Append(cell);
            }
        }

        return row;
    }

    /// <summary>Style 0 is the default; style 1 is the bold, shaded header.</summary>
    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEFEFEF" }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true })
            { Count = 2 });
        styles.Stylesheet.Save();
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\ in them.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(ch => ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : ch)]).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"({n})");
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
