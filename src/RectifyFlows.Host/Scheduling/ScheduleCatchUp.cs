using Microsoft.Extensions.Options;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// On start-up, starts every period of each cycle whose fire time passed while the host was down, oldest first
/// (<see cref="CycleStarter.CatchUpAsync"/>: the periods after the last one that ran; quarters one after another,
/// because strikes count adjacent quarters). The instance ids are deterministic, so nothing is started twice.
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
            var fires = CycleSchedule.FiresBefore(CycleSchedule.Cron(options.Value, kind), zone, time.GetUtcNow(), TimeSpan.FromDays(options.Value.CatchUpDays));
            var periods = fires.Select(fire => CycleSchedule.PeriodFor(kind, fire)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var instanceId in await cycles.CatchUpAsync(kind, periods, stoppingToken))
            {
                LogCaughtUp(instanceId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up {InstanceId}")]
    private partial void LogCaughtUp(string instanceId);
}
