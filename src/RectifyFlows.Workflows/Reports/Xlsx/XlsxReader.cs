using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// Reads the first worksheet of an .xlsx file into rows of text and numbers, whichever program saved it: Excel and
/// WPS write shared strings, this project writes inline strings, and both are understood.
/// </summary>
public static class XlsxReader
{
    /// <summary>Reads the first worksheet; throws <see cref="InvalidDataException"/> when the bytes are not a workbook.</summary>
    public static IReadOnlyList<XlsxRow> ReadFirstSheet(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false });
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("文件中没有工作簿。");
            var first = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new InvalidDataException("工作簿中没有工作表。");
            var part = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<XlsxRow>();
            var rowNumber = 0;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
                var cells = new Dictionary<string, XlsxCell>(StringComparer.Ordinal);
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var reference = cell.CellReference?.Value ?? XlsxWriter.ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                    var read = Read(cell, reference, shared);
                    cells[read.Column] = read;
                    column = ColumnIndex(read.Column) + 1;
                }

                rows.Add(new XlsxRow(rowNumber, cells));
            }

            return rows;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidOperationException
            or ArgumentException or System.Xml.XmlException or KeyNotFoundException)
        {
            throw new InvalidDataException("文件不是有效的 Excel 工作簿（.xlsx）：" + ex.Message, ex);
        }
    }

    private static XlsxCell Read(Cell cell, string reference, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            var text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : string.Empty;
            return new XlsxCell(reference, text, null);
        }

        if (type == CellValues.InlineString)
        {
            return new XlsxCell(reference, cell.InlineString?.InnerText ?? string.Empty, null);
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error || type == CellValues.Date)
        {
            return new XlsxCell(reference, raw, null);
        }

        // No type: a number (dates are numbers too, days since 1899-12-30, shown as dates by a number format).
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new XlsxCell(reference, raw, number)
            : new XlsxCell(reference, raw, null);
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var ch in letters)
        {
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }
}
