using Microsoft.Extensions.Options;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// On start-up, starts each cycle whose latest fire time passed while the host was down. The instance id of that
/// period is deterministic, so a cycle that did run is found and nothing is started twice.
/// </summary>
public sealed partial class ScheduleCatchUp(
    CycleStarter cycles, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<ScheduleCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.CatchUp)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        foreach (var kind in CycleSchedule.Kinds)
        {
            var last = CycleSchedule.LastFireBefore(CycleSchedule.Cron(options.Value, kind), zone, time.GetUtcNow(), TimeSpan.FromDays(100));
            if (last is null)
            {
                continue;
            }

            var period = CycleSchedule.PeriodFor(kind, last.Value);
            var (instanceId, created) = await cycles.StartAsync(kind, period, stoppingToken);
            if (created)
            {
                LogCaughtUp(instanceId, last.Value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up {InstanceId}, missed at {FireTime}")]
    private partial void LogCaughtUp(string instanceId, DateTimeOffset fireTime);
}
