namespace RectifyFlows.Domain.Time;

/// <summary>China Standard Time (UTC+8, no daylight saving): the zone every business date is in.</summary>
public static class ChinaTime
{
    /// <summary>The IANA id; .NET on Linux and Windows (ICU) both resolve it.</summary>
    public const string ZoneId = "Asia/Shanghai";

    /// <summary>The zone. China has had no daylight saving since 1991, so a fixed offset would do, but the
    /// real zone keeps formatting and Quartz calendars honest.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The instant expressed in China Standard Time.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The business date of an instant: the calendar date in China Standard Time.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    /// <summary>Today's business date.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());
}
