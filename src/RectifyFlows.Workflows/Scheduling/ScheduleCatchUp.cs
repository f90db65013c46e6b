using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// What a schedule fire does on both hosts (on the standalone host also the fire each cycle job gets at start): start the period of every
/// fire that passed since the last period that ran, oldest first (<see cref="CycleStarter.CatchUpAsync"/>: quarters
/// one after another, because strikes count adjacent quarters; on a new installation only the latest). The periods
/// come from the schedule's fire times, not from the moment this runs, so a late fire starts the period it missed and
/// never the coming one. Instance ids are deterministic, so a double fire starts nothing twice.
/// </summary>
public sealed partial class ScheduleCatchUp(
    CycleStarter cycles, ICycleFireTimes fires, IOptions<ScheduleOptions> options, ILogger<ScheduleCatchUp> logger)
{
    /// <summary>Catches up one cycle as of <paramref name="now"/>; returns the instances this call created.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CycleKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periods = PeriodsDue(kind, now);
        if (!options.Value.CatchUp && periods.Count > 1)
        {
            periods = [periods[^1]];
        }

        var created = await cycles.CatchUpAsync(kind, periods, cancellationToken);
        foreach (var instanceId in created)
        {
            LogCaughtUp(instanceId);
        }

        return created;
    }

    /// <summary>The periods of the fires in the look-back window before <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<string> PeriodsDue(CycleKind kind, DateTimeOffset now) =>
        fires.Between(kind, now - TimeSpan.FromDays(options.Value.CatchUpDays), now)
            .Select(fire => CyclePeriods.ForFireTime(kind, fire))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up {InstanceId}")]
    private partial void LogCaughtUp(string instanceId);
}
