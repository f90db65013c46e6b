using System.Globalization;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// Values of cells as people type them into Excel or WPS: numbers stored as numbers or as text, dates as serial
/// numbers or as text in the usual Chinese forms. Null when the cell does not hold such a value.
/// </summary>
public static class XlsxValues
{
    /// <summary>Excel's last serial date (9999-12-31); a bigger number is not a date.</summary>
    private const double MaxSerialDate = 2958466;

    public static long? WholeNumber(XlsxCell? cell, long min, long max) =>
        Number(cell) is { } v && Math.Abs(v - Math.Round(v)) < 1e-9 && v >= min && v <= max ? (long)Math.Round(v) : null;

    /// <summary>An amount in yuan: at most two decimals (fen), not negative.</summary>
    public static decimal? Amount(XlsxCell? cell)
    {
        if (Number(cell) is not { } v || v < 0 || v > 1e15)
        {
            return null;
        }

        var amount = Math.Round((decimal)v, 2);
        return Math.Abs((double)amount - v) < 1e-6 ? amount : null;
    }

    public static DateOnly? Date(XlsxCell? cell)
    {
        if (cell is null)
        {
            return null;
        }

        // A date typed into Excel is stored as a serial number; keep whole days only, in a sane range.
        if (cell.Number is { } serial)
        {
            return serial is >= 1 and < MaxSerialDate && Math.Abs(serial - Math.Round(serial)) < 1e-9
                ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
                : null;
        }

        return DateOnly.TryParseExact(cell.Text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private static double? Number(XlsxCell? cell) =>
        cell?.Number ?? (cell is not null && double.TryParse(cell.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
}
