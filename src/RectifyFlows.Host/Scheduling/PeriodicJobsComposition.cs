using Quartz;
using RectifyFlows.Api.Leads;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Operations;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// All the standalone host's periodic work on one mechanism, Quartz (ADR 0015): one durable job per
/// <see cref="PeriodicJobs"/> entry, run by <see cref="PeriodicJobRunner"/>, with the triggers its settings ask for — the
/// cycles' cron (and their catch-up at start), the ladders' catch-up at start, and the intervals of the doctor, retention,
/// the overdue-lead check and the outbox dispatcher. A job whose setting turns it off stays registered without a trigger.
/// </summary>
public static class PeriodicJobsComposition
{
    /// <summary>The first overdue-lead check waits at most this, so start-up (tables, seeding) goes first.</summary>
    private static readonly TimeSpan FirstLeadCheckAtMost = TimeSpan.FromMinutes(1);

    /// <param name="builder">The web host's builder, after the durable engine (the jobs' durable client must start first).</param>
    /// <param name="dispatching">Whether a notification channel is configured (the dispatcher is registered).</param>
    public static WebApplicationBuilder AddPeriodicJobs(this WebApplicationBuilder builder, bool dispatching)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var schedules = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var operations = configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        var leads = configuration.GetSection(LeadOptions.SectionName).Get<LeadOptions>() ?? new LeadOptions();
        var notifications = configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();

        // The interval jobs: (how often, how long after start the first fire comes); a zero interval means no trigger.
        var intervals = new Dictionary<PeriodicJob, (TimeSpan Every, TimeSpan First)>
        {
            // The first doctor and retention passes one interval after start, when the start-up catch-ups have run.
            [PeriodicJobs.WorkflowDoctor] = (operations.DoctorInterval, operations.DoctorInterval),
            [PeriodicJobs.StoreRetention] = (operations.RetentionInterval, operations.RetentionInterval),
            [PeriodicJobs.LeadOverdueReminders] = (leads.CheckInterval, Min(leads.CheckInterval, FirstLeadCheckAtMost)),
            // Without a channel there is no dispatcher: messages wait in the outbox, as in the Functions app.
            [PeriodicJobs.DispatchOutbox] = (dispatching ? notifications.PollInterval : TimeSpan.Zero, TimeSpan.Zero),
        };

        builder.Services.AddQuartz(quartz =>
        {
            // A stopping host cancels the running passes (they all take the token) and then waits for them.
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            foreach (var job in PeriodicJobs.All)
            {
                quartz.AddJob<PeriodicJobRunner>(detail => detail.WithIdentity(job.Name).StoreDurably());
                switch (job.HostTrigger)
                {
                    case HostTrigger.Cron when schedules.Enabled && job.Cycle is { } kind:
                        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedules.TimeZone);
                        quartz.AddTrigger(trigger => trigger.ForJob(job.Name).WithIdentity($"{job.Name}-cron")
                            .WithSchedule(CronScheduleBuilder.Create(schedules.CronOf(kind)).InTimeZone(zone)));
                        if (schedules.CatchUp)
                        {
                            // The fire at start catches up the periods whose fire time passed while the host was down.
                            AddAtStart(quartz, job.Name);
                        }

                        break;
                    case HostTrigger.AtStart:
                        AddAtStart(quartz, job.Name);
                        break;
                    case HostTrigger.Interval when intervals[job] is { Every: var every, First: var first } && every > TimeSpan.Zero:
                        quartz.AddTrigger((services, trigger) => trigger.ForJob(job.Name).WithIdentity($"{job.Name}-interval")
                            .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + first)
                            // A fire missed while a slow pass ran is skipped: the next one comes one interval later.
                            .WithSimpleSchedule(schedule => schedule.WithInterval(every).RepeatForever()
                                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
                        break;
                }
            }
        });
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddAtStart(IQuartzBuilder quartz, string job) =>
        quartz.AddTrigger(trigger => trigger.ForJob(job).WithIdentity($"{job}-start").StartNow());

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
