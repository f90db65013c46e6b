using System.Globalization;

namespace RectifyFlows.Storage.Tables;

/// <summary>Business dates are stored as "yyyy-MM-dd" strings: they sort and compare correctly as keys and read plainly.</summary>
internal static class TableDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    public static DateOnly Parse(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseOptional(string? value) => string.IsNullOrEmpty(value) ? null : Parse(value);
}
