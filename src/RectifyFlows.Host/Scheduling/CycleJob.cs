using Quartz;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// A Quartz job: the shared <see cref="ScheduleCatchUp"/> of its cycle, as of its scheduled fire time or later — the
/// period of this fire and of any fire missed before it (deterministic instance ids), as the Functions timers do.
/// </summary>
public sealed partial class CycleJob(ScheduleCatchUp catchUp, TimeProvider time, ILogger<CycleJob> logger) : IJob
{
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = Enum.Parse<CycleKind>(context.MergedJobDataMap.GetString(KindKey)!);
        // Never before the scheduled time, so a clock a few milliseconds behind Quartz's still counts this fire.
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var now = time.GetUtcNow() > scheduled ? time.GetUtcNow() : scheduled;
        var created = await catchUp.RunAsync(kind, now, cancellationToken);
        LogFired(kind, scheduled, created.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Kind} fired for {FireTime}: {Created} cycle(s) started")]
    private partial void LogFired(CycleKind kind, DateTimeOffset fireTime, int created);
}
