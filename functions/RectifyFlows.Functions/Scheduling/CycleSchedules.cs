namespace RectifyFlows.Functions.Scheduling;

/// <summary>
/// The cycles' timer schedules as Functions NCRONTAB (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), in UTC.
/// </summary>
/// <remarks>
/// The business times are 09:00 China Standard Time (the standalone host's Quartz defaults in Asia/Shanghai). Flex
/// Consumption runs on Linux in UTC and ignores <c>WEBSITE_TIME_ZONE</c>, so the schedules are written in UTC: China has
/// no daylight saving, so 09:00 CST is always 01:00 UTC, on the same calendar day. Do not set <c>WEBSITE_TIME_ZONE</c>
/// on a plan that honours it (Windows), or these would be read in that zone. A fire at 01:00 UTC sits nine hours
/// from the next China date boundary, so clock skew never moves a fire into another period.
/// </remarks>
public static class CycleSchedules
{
    /// <summary>The 1st at 09:00 CST: opens the month's round.</summary>
    public const string MonthlyUtc = "0 0 1 1 * *";

    /// <summary>Mondays at 09:00 CST: the week's dispatch.</summary>
    public const string WeeklyUtc = "0 0 1 * * 1";

    /// <summary>The 1st, 11th and 21st at 09:00 CST: the report of the ten days just ended.</summary>
    public const string TenDayUtc = "0 0 1 1,11,21 * *";

    /// <summary>1 January, April, July and October at 09:00 CST: evaluates the quarter just ended.</summary>
    public const string QuarterlyUtc = "0 0 1 1 1,4,7,10 *";
}
