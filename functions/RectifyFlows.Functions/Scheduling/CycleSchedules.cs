using Microsoft.Extensions.Configuration;
using NCrontab;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Scheduling;

/// <summary>
/// The app settings that hold the cycle timers' schedules (<c>[TimerTrigger("%MonthlyCycleSchedule%")]</c>), and their
/// fire times as the Functions host computes them: NCRONTAB (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>)
/// in UTC, parsed by NCrontab, the parser of the timer extension.
/// </summary>
/// <remarks>
/// Flex Consumption runs on Linux in UTC and ignores <c>WEBSITE_TIME_ZONE</c>, so the schedules are written in UTC:
/// infra/ writes 09:00 China Standard Time as 01:00 UTC (China has no daylight saving; same calendar day), ADR 0014.
/// The names are flat, not <c>RectifyFlows__…</c>: the host resolves a binding expression's <c>%name%</c> as one app
/// setting, and nested names are not resolved reliably there (azure-functions-host #8649, #10246).
/// </remarks>
public sealed class CycleSchedules(IConfiguration configuration) : ICycleFireTimes
{
    public const string MonthlySetting = "MonthlyCycleSchedule";
    public const string WeeklySetting = "WeeklyDispatchSchedule";
    public const string TenDaySetting = "TenDayReportSchedule";
    public const string QuarterlySetting = "QuarterlyEvaluationSchedule";

    /// <summary>The app setting of a cycle's timer, as the shared declaration of the periodic jobs names it.</summary>
    public static string SettingOf(CycleKind kind) => PeriodicJobs.Cycle(kind).TimerSetting;

    public IReadOnlyList<DateTimeOffset> Between(CycleKind kind, DateTimeOffset after, DateTimeOffset upTo)
    {
        // Each read names its setting (not a variable), so the settings-coverage scan sees what the app reads.
        var expression = kind switch
        {
            CycleKind.Monthly => configuration[MonthlySetting],
            CycleKind.Weekly => configuration[WeeklySetting],
            CycleKind.TenDay => configuration[TenDaySetting],
            CycleKind.Quarterly => configuration[QuarterlySetting],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var schedule = Parse(expression ?? throw new InvalidOperationException($"App setting {SettingOf(kind)} is not set."));
        var fires = new List<DateTimeOffset>();
        var end = upTo.UtcDateTime;
        for (var next = schedule.GetNextOccurrence(after.UtcDateTime, end.AddTicks(1)); next <= end && fires.Count < 10_000;
             next = schedule.GetNextOccurrence(next, end.AddTicks(1)))
        {
            fires.Add(new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)));
        }

        return fires;
    }

    /// <summary>Six fields (with seconds) or five, as the timer extension accepts.</summary>
    public static CrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }
}
