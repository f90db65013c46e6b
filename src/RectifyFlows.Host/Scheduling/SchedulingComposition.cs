using Quartz;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// Registers the Quartz schedules of the cycles (cron and zone from configuration), the shared catch-up each fire runs,
/// and the start-up catch-up.
/// </summary>
public static class SchedulingComposition
{
    public static WebApplicationBuilder AddCycleSchedules(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        builder.Services.AddSingleton<ICycleFireTimes, QuartzCycleFireTimes>();
        builder.Services.AddSingleton<ScheduleCatchUp>();
        builder.Services.AddHostedService<ScheduleCatchUpOnStart>();
        if (!options.Enabled)
        {
            return builder;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var kind in ScheduleOptions.Kinds)
            {
                var name = CyclePeriods.Slug(kind);
                quartz.ScheduleJob<CycleJob>(
                    trigger => trigger.WithIdentity($"{name}-trigger")
                        .WithSchedule(CronScheduleBuilder.Create(options.CronOf(kind)).InTimeZone(zone))
                        .UsingJobData(CycleJob.KindKey, kind.ToString()),
                    job => job.WithIdentity($"{name}-job"));
            }
        });
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return builder;
    }
}
