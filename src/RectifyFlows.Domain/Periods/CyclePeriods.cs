using System.Globalization;
using System.Text.RegularExpressions;

namespace RectifyFlows.Domain.Periods;

/// <summary>
/// The periods cycles run for, their text form (used in URLs, instance ids and reports) and their date ranges in
/// China Standard Time: month <c>2017-03</c>, ISO week <c>2017-W14</c>, quarter <c>2017-Q1</c>, ten-day period
/// <c>2017-03-2</c> (1st–10th, 11th–20th, 21st–end).
/// </summary>
public static partial class CyclePeriods
{
    public static bool TryParseMonth(string? text, out DateOnly first)
    {
        first = default;
        if (text is null || !MonthPattern().IsMatch(text))
        {
            return false;
        }

        var ok = DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
        return ok && first.Year >= 2000;
    }

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseWeek(string? text, out DateOnly monday)
    {
        monday = default;
        if (text is null || WeekPattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    public static string Week(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dateTime)}-W{ISOWeek.GetWeekOfYear(dateTime):D2}");
    }

    public static bool TryParseQuarter(string? text, out DateOnly first)
    {
        first = default;
        if (text is null || QuarterPattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var quarter = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 2000)
        {
            return false;
        }

        first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return true;
    }

    public static string Quarter(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{(date.Month - 1) / 3 + 1}");

    /// <summary>The quarter before the one <paramref name="date"/> is in.</summary>
    public static string PreviousQuarter(DateOnly date) => Quarter(new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3));

    public static bool TryParseTenDay(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (text is null || TenDayPattern().Match(text) is not { Success: true } match || !TryParseMonth(match.Groups[1].Value, out var month))
        {
            return false;
        }

        var part = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        first = month.AddDays((part - 1) * 10);
        last = part == 3 ? month.AddMonths(1).AddDays(-1) : first.AddDays(9);
        return true;
    }

    public static string TenDay(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{Month(date)}-{Math.Min(3, (date.Day - 1) / 10 + 1)}");

    /// <summary>The ten-day period that ended before <paramref name="date"/> (a report on the 11th covers the 1st–10th).</summary>
    public static string PreviousTenDay(DateOnly date) => TenDay(TryParseTenDay(TenDay(date), out var first, out _) ? first.AddDays(-1) : date);

    /// <summary>
    /// The period a scheduled fire starts: the current month and ISO week; the ten-day period and the quarter that
    /// just ended (a report on the 11th covers the 1st–10th; an evaluation on 1 April covers Q1). Both hosts use it.
    /// </summary>
    public static string ForFireTime(CycleKind kind, DateTimeOffset fireTime)
    {
        var date = Time.ChinaTime.DateOf(fireTime);
        return kind switch
        {
            CycleKind.Monthly => Month(date),
            CycleKind.Weekly => Week(date),
            CycleKind.TenDay => PreviousTenDay(date),
            CycleKind.Quarterly => PreviousQuarter(date),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The date range of a period of the given kind, or null when the text is not such a period.</summary>
    public static (DateOnly First, DateOnly Last)? Range(CycleKind kind, string period)
    {
        switch (kind)
        {
            case CycleKind.Monthly when TryParseMonth(period, out var month):
                return (month, month.AddMonths(1).AddDays(-1));
            case CycleKind.Weekly when TryParseWeek(period, out var monday):
                return (monday, monday.AddDays(6));
            case CycleKind.Quarterly when TryParseQuarter(period, out var quarter):
                return (quarter, quarter.AddMonths(3).AddDays(-1));
            case CycleKind.TenDay when TryParseTenDay(period, out var first, out var last):
                return (first, last);
            default:
                return null;
        }
    }

    /// <summary>The period just before <paramref name="period"/> of the same kind (March for April, 2017-Q1 for 2017-Q2), or null when it is not one.</summary>
    public static string? Previous(CycleKind kind, string period) =>
        Range(kind, period) is { } range ? kind switch
        {
            CycleKind.Monthly => Month(range.First.AddMonths(-1)),
            CycleKind.Weekly => Week(range.First.AddDays(-7)),
            CycleKind.Quarterly => Quarter(range.First.AddMonths(-3)),
            _ => TenDay(range.First.AddDays(-1)),
        } : null;

    /// <summary>The deterministic orchestration instance id of a cycle: a double fire or a manual start finds the same one.</summary>
    public static string InstanceId(CycleKind kind, string period) => $"{Slug(kind)}-{period}";

    /// <summary>
    /// The instance id of one issuing office's cycle (<c>monthly-ganxian-2017-03</c>), run under the period's instance,
    /// which starts one per office: each office gets its own bulletin, ranking, evaluation and report.
    /// </summary>
    public static string InstanceId(CycleKind kind, string period, string officeId) => $"{Slug(kind)}-{officeId}-{period}";

    /// <summary>
    /// What follows <c>{slug}-</c> in a cycle's instance id: the period (<c>2017-03</c>) of the period's instance, or
    /// the office and period (<c>ganxian-2017-03</c>) of an office's cycle. Null when it is neither.
    /// </summary>
    public static (string? OfficeId, string Period)? ParseInstanceSuffix(CycleKind kind, string suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        if (Range(kind, suffix) is not null)
        {
            return (null, suffix);
        }

        var length = kind switch { CycleKind.Weekly => 8, CycleKind.TenDay => 9, _ => 7 };
        return suffix.Length > length + 1 && suffix[^(length + 1)] == '-' && Range(kind, suffix[^length..]) is not null
            ? (suffix[..^(length + 1)], suffix[^length..])
            : null;
    }

    public static string Slug(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => "monthly",
        CycleKind.Weekly => "weekly",
        CycleKind.Quarterly => "quarterly",
        CycleKind.TenDay => "tenday",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])\z", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4}-\d{2})-([1-3])\z", RegexOptions.CultureInvariant)]
    private static partial Regex TenDayPattern();
}
