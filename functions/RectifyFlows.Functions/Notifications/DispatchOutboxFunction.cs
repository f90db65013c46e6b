using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Notifications;

/// <summary>
/// Delivers the outbox: each fire runs one pass of the same <see cref="OutboxDispatcher"/> the standalone host polls
/// with (claim, send, retry, digest, dead letters). The schedule is the app setting <see cref="ScheduleSetting"/>
/// (NCRONTAB with seconds; every 30 s in <c>infra/</c> and <c>local.settings.example.json</c>).
/// </summary>
/// <remarks>
/// A timer function runs on one instance at a time (the host's singleton lock), and the dispatcher's ETag-guarded
/// claims keep a pass that overlaps the standalone host's, or a late one, from sending a message twice. Without any
/// channel configured the dispatcher is not registered (as in the standalone host) and the pass only logs that
/// messages wait in the outbox.
/// </remarks>
public sealed partial class DispatchOutboxFunction(IServiceProvider services, ILogger<DispatchOutboxFunction> logger)
{
    /// <summary>The app setting holding the schedule, e.g. <c>*/30 * * * * *</c>.</summary>
    public const string ScheduleSetting = "NotificationDispatchSchedule";

    [Function(nameof(PeriodicJobs.DispatchOutbox))]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (services.GetService<OutboxDispatcher>() is not { } dispatcher)
        {
            LogNotConfigured();
            return;
        }

        var result = await dispatcher.RunPassAsync(cancellationToken);
        LogPass(result.Sent, result.Failed, result.Dead, result.Skipped, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No notification channel configured (SMTP, Twilio, SMS gateway, WeCom, DingTalk): messages wait in the outbox")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox dispatch: {Sent} sent, {Failed} failed, {Dead} dead, {Skipped} skipped (past due: {PastDue})")]
    private partial void LogPass(int sent, int failed, int dead, int skipped, bool pastDue);
}
