using Quartz;
using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Host.Scheduling;

/// <summary>Which period a fire of a cycle's schedule is for, and the last fire time before a moment (for catch-up).</summary>
public static class CycleSchedule
{
    public static readonly IReadOnlyList<CycleKind> Kinds = [CycleKind.Monthly, CycleKind.Weekly, CycleKind.TenDay, CycleKind.Quarterly];

    public static string Cron(ScheduleOptions options, CycleKind kind)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            CycleKind.Monthly => options.Monthly,
            CycleKind.Weekly => options.Weekly,
            CycleKind.TenDay => options.TenDay,
            CycleKind.Quarterly => options.Quarterly,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The period a fire starts (shared with the Functions timers).</summary>
    public static string PeriodFor(CycleKind kind, DateTimeOffset fireTime) => CyclePeriods.ForFireTime(kind, fireTime);

    /// <summary>Every fire time in (<paramref name="now"/> − <paramref name="lookBack"/>, <paramref name="now"/>], oldest first.</summary>
    public static IReadOnlyList<DateTimeOffset> FiresBefore(string cron, TimeZoneInfo zone, DateTimeOffset now, TimeSpan lookBack)
    {
        var expression = new CronExpression(cron, zone);
        var fires = new List<DateTimeOffset>();
        var next = expression.GetNextValidTimeAfter(now - lookBack);
        for (var i = 0; i < 10_000 && next is { } fire && fire <= now; i++)
        {
            fires.Add(fire);
            next = expression.GetNextValidTimeAfter(fire);
        }

        return fires;
    }

    /// <summary>The latest fire time at or before <paramref name="now"/>, looking back at most <paramref name="lookBack"/>.</summary>
    public static DateTimeOffset? LastFireBefore(string cron, TimeZoneInfo zone, DateTimeOffset now, TimeSpan lookBack)
    {
        var expression = new CronExpression(cron, zone);
        DateTimeOffset? last = null;
        var next = expression.GetNextValidTimeAfter(now - lookBack);
        for (var i = 0; i < 10_000 && next is { } fire && fire <= now; i++)
        {
            last = fire;
            next = expression.GetNextValidTimeAfter(fire);
        }

        return last;
    }
}
