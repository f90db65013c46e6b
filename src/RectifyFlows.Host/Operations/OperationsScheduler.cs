using Microsoft.Extensions.Options;
using RectifyFlows.Operations;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;
using RectifyFlows.Operations.Telemetry;

namespace RectifyFlows.Host.Operations;

/// <summary>
/// The standalone host's periodic operations: the doctor (with the outbox gauges) every
/// <see cref="OperationsOptions.DoctorInterval"/>, retention every <see cref="OperationsOptions.RetentionInterval"/>.
/// The first doctor pass runs one interval after start, when the start-up catch-up has started the missing ladders.
/// A pass that fails is logged and the next one runs on time.
/// </summary>
public sealed partial class OperationsScheduler(
    IServiceProvider services, IOptions<OperationsOptions> options, TimeProvider time, ILogger<OperationsScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            RepeatAsync("doctor", options.Value.DoctorInterval, async ct =>
            {
                await services.GetRequiredService<OutboxGaugeSampler>().SampleAsync(ct);
                await services.GetRequiredService<WorkflowDoctor>().RunAsync(repair: true, ct);
            }, stoppingToken),
            RepeatAsync("retention", options.Value.RetentionInterval,
                ct => services.GetRequiredService<RetentionService>().PurgeAsync(time.GetUtcNow(), "schedule", ct), stoppingToken));

    private async Task RepeatAsync(string name, TimeSpan interval, Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex, name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Pass} pass failed; the next one runs on schedule")]
    private partial void LogPassFailed(Exception exception, string pass);
}
