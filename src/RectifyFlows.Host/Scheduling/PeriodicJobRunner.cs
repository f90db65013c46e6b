using Quartz;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// The one Quartz job class of the standalone host: runs the <see cref="HostPeriodicWork"/> of the job it fires for (its
/// key is a <see cref="PeriodicJobs"/> name). A job never overlaps itself (a slow dispatcher pass delays the next fire
/// instead of racing it), and a pass that fails — storage away at start, a restart of Azurite — is logged and the next
/// fire runs on time, as the Functions timers do.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PeriodicJobRunner(IServiceProvider services, TimeProvider time, ILogger<PeriodicJobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.JobDetail.Key.Name;
        // Never before the scheduled time, so a clock a few milliseconds behind Quartz's still counts this fire.
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var now = time.GetUtcNow() > scheduled ? time.GetUtcNow() : scheduled;
        try
        {
            if (await HostPeriodicWork.ByJob[name](services, now, cancellationToken) is { } outcome)
            {
                LogRan(name, scheduled, outcome);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} fired for {FireTime}: {Outcome}")]
    private partial void LogRan(string job, DateTimeOffset fireTime, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Job} pass failed; the next one runs on schedule")]
    private partial void LogFailed(Exception exception, string job);
}
