using System.Globalization;
using RectifyFlows.Api.Leads;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;
using RectifyFlows.Operations.Telemetry;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// What each of the standalone host's periodic jobs does, by the job's name in <see cref="PeriodicJobs"/>: the same shared
/// calls the Functions app's timer of that name makes. A job returns a line for the log, or null when its work logs itself.
/// </summary>
public static class HostPeriodicWork
{
    /// <summary>A job's work, as of <c>now</c> (its scheduled fire time, or later).</summary>
    public delegate Task<string?> Work(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The work of every job, by its name.</summary>
    public static readonly IReadOnlyDictionary<string, Work> ByJob = Declare();

    private static Dictionary<string, Work> Declare()
    {
        var work = new Dictionary<string, Work>(StringComparer.Ordinal)
        {
            [PeriodicJobs.EscalationCatchUp.Name] = async (services, _, ct) =>
            {
                var (open, started) = await services.GetRequiredService<EscalationCatchUp>().RunAsync(ct);
                return string.Create(CultureInfo.InvariantCulture, $"{open} open item(s), {started} ladder(s) started");
            },
            [PeriodicJobs.WorkflowDoctor.Name] = async (services, _, ct) =>
            {
                await services.GetRequiredService<OutboxGaugeSampler>().SampleAsync(ct);
                await services.GetRequiredService<WorkflowDoctor>().RunAsync(repair: true, ct);
                return null;
            },
            [PeriodicJobs.StoreRetention.Name] = async (services, now, ct) =>
            {
                await services.GetRequiredService<RetentionService>().PurgeAsync(now, "schedule", ct);
                return null;
            },
            [PeriodicJobs.LeadOverdueReminders.Name] = async (services, _, ct) =>
            {
                await services.GetRequiredService<LeadReminders>().RemindOverdueAsync(ct);
                return null;
            },
            [PeriodicJobs.DispatchOutbox.Name] = async (services, _, ct) =>
            {
                await services.GetRequiredService<OutboxDispatcher>().RunPassAsync(ct);
                return null;
            },
        };
        foreach (var job in PeriodicJobs.All)
        {
            if (job.Cycle is { } kind)
            {
                // Each cycle schedule: the shared catch-up of its cycle, as of the fire.
                work[job.Name] = (services, now, ct) => CatchUpAsync(services, kind, now, ct);
            }
        }

        return work;
    }

    private static async Task<string?> CatchUpAsync(IServiceProvider services, CycleKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = await services.GetRequiredService<ScheduleCatchUp>().RunAsync(kind, now, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{created.Count} cycle(s) started");
    }
}
