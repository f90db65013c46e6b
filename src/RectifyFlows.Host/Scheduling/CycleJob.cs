using Quartz;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Host.Scheduling;

/// <summary>A Quartz job that starts the cycle of the period its fire time falls in (deterministic instance id).</summary>
public sealed partial class CycleJob(CycleStarter cycles, ILogger<CycleJob> logger) : IJob
{
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = Enum.Parse<CycleKind>(context.MergedJobDataMap.GetString(KindKey)!);
        var period = CycleSchedule.PeriodFor(kind, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        var (instanceId, created) = await cycles.StartAsync(kind, period, cancellationToken);
        LogFired(kind, instanceId, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Kind} fired: {InstanceId} (new: {Created})")]
    private partial void LogFired(CycleKind kind, string instanceId, bool created);
}
