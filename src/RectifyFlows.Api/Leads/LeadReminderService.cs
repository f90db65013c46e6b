using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Api.Leads;

/// <summary>
/// The standalone host's overdue-lead check: shortly after start and then every <see cref="LeadOptions.CheckInterval"/>. Reminders
/// are keyed by lead and day, so checking more often than daily sends nothing twice. (Functions uses a timer instead.)
/// </summary>
public sealed partial class LeadReminderService(LeadReminders reminders, IOptions<LeadOptions> options, ILogger<LeadReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first check waits a little, so start-up (table creation, seeding) goes first.
        var interval = options.Value.CheckInterval;
        await Task.Delay(interval < TimeSpan.FromMinutes(1) ? interval : TimeSpan.FromMinutes(1), stoppingToken);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await reminders.RemindOverdueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be briefly away (start-up, a restart of Azurite); the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue-lead check failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
