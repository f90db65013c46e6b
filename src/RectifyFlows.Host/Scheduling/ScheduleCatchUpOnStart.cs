using Microsoft.Extensions.Options;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>
/// On start-up, starts every period of each cycle whose fire time passed while the host was down, oldest first — the
/// shared <see cref="ScheduleCatchUp"/> every fire runs too (the Functions app has no start, only its timers' fires).
/// </summary>
public sealed class ScheduleCatchUpOnStart(ScheduleCatchUp catchUp, IOptions<ScheduleOptions> options, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value is { Enabled: true, CatchUp: true } ? catchUp.RunAllAsync(time.GetUtcNow(), stoppingToken) : Task.CompletedTask;
}
