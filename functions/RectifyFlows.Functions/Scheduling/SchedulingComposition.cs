using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Scheduling;

/// <summary>The schedules' options and fire times of the Functions app (ADR 0014).</summary>
public static class SchedulingComposition
{
    public const string UtcOnly =
        "RectifyFlows:Schedules:TimeZone must be UTC in the Functions app: its timers fire in UTC (Flex Consumption ignores WEBSITE_TIME_ZONE), so the schedule settings are written in UTC.";

    public static IHostApplicationBuilder AddFunctionsSchedules(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The same section as the standalone host (Enabled, CatchUp, CatchUpDays, TimeZone); the cron expressions come
        // from the timers' own settings. Unset, the zone is UTC here; set to another zone, the app refuses to start,
        // because its catch-up would then disagree with the fires it catches up.
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrEmpty(configuration["RectifyFlows:Schedules:TimeZone"]))
                {
                    options.TimeZone = "UTC";
                }
            })
            .ValidateDataAnnotations()
            .Validate(options => IsUtc(options.TimeZone), UtcOnly)
            .ValidateOnStart();
        builder.Services.AddSingleton<ICycleFireTimes, CycleSchedules>();
        return builder;
    }

    private static bool IsUtc(string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.BaseUtcOffset == TimeSpan.Zero && !found.SupportsDaylightSavingTime;
}
