using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// An .xlsx opened with DocumentFormat.OpenXml for reading and editing like a user in Excel would: text goes into the
/// shared-string table (as Excel saves it), numbers and dates as plain numeric cells.
/// </summary>
public sealed class SpreadsheetFile : IDisposable
{
    /// <summary>The media type of .xlsx files, as the host sends and accepts them.</summary>
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _document;

    public SpreadsheetFile(byte[] bytes)
    {
        _stream = new MemoryStream();
        _stream.Write(bytes);
        _stream.Position = 0;
        _document = SpreadsheetDocument.Open(_stream, true);
        var first = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        SheetName = first.Name!.Value!;
        Sheet = ((WorksheetPart)_document.WorkbookPart.GetPartById(first.Id!.Value!)).Worksheet;
        SheetNames = [.. _document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    public string SheetName { get; }

    public IReadOnlyList<string> SheetNames { get; }

    private Worksheet Sheet { get; }

    public IReadOnlyList<Row> Rows => [.. Sheet.Descendants<Row>()];

    /// <summary>The text of a cell (shared, inline or a number as written).</summary>
    public string Text(string reference)
    {
        var cell = Sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            return string.Empty;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
                .ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;
    }

    /// <summary>The row number whose column A holds <paramref name="measureId"/>.</summary>
    public int RowOf(string measureId) =>
        (int)Rows.First(r => Text("A" + r.RowIndex!.Value) == measureId).RowIndex!.Value;

    public void SetText(string reference, string text)
    {
        var table = _document.WorkbookPart!.SharedStringTablePart ?? _document.WorkbookPart.AddNewPart<SharedStringTablePart>();
        table.SharedStringTable ??= new SharedStringTable();
        table.SharedStringTable.Append(new SharedStringItem(new Text(text)));
        var cell = Find(reference);
        cell.InlineString = null;
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue((table.SharedStringTable.Elements<SharedStringItem>().Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void SetNumber(string reference, double value)
    {
        var cell = Find(reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.CellValue = new CellValue(value);
    }

    /// <summary>A date as Excel stores one typed into a cell: the serial day number.</summary>
    public void SetDate(string reference, DateOnly date) => SetNumber(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate());

    public byte[] Save()
    {
        _document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    /// <summary>The cell, created (with its row) when the file has none there yet: a row typed below the exported ones.</summary>
    private Cell Find(string reference)
    {
        if (Sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference) is { } found)
        {
            return found;
        }

        var rowIndex = uint.Parse(new string([.. reference.SkipWhile(char.IsAsciiLetter)]), System.Globalization.CultureInfo.InvariantCulture);
        var data = Sheet.GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            data.Append(row);
        }

        // Cells are appended in column order: callers fill a new row from left to right.
        return row.AppendChild(new Cell { CellReference = reference });
    }
}
