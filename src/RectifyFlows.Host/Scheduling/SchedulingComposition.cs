using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// The cycles' schedule options (cron and zone from configuration) and the shared catch-up their Quartz jobs run
/// (<see cref="PeriodicJobsComposition"/> schedules them with the rest of the periodic work).
/// </summary>
public static class SchedulingComposition
{
    public static WebApplicationBuilder AddCycleSchedules(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ICycleFireTimes, QuartzCycleFireTimes>();
        builder.Services.AddSingleton<ScheduleCatchUp>();
        return builder;
    }
}
