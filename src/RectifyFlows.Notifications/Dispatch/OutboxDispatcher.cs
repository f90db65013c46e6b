using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// Delivers the outbox: each pass reads due rows from the pending index, claims each message (ETag-guarded update to
/// sending with a lease), sends it under the channel's rate limit (email over one reused SMTP connection; sms, wecom and
/// dingtalk through their <see cref="INotificationChannel"/>), then marks it sent.
/// Failures are retried with exponential backoff and jitter; after <see cref="NotificationOptions.MaxAttempts"/> (or
/// at once, when there is no address) the message is dead and the district office gets one alert. At-least-once: see
/// docs/notifications.md for the one window in which a duplicate can go out.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxRepository outbox,
    SmtpEmailChannel email,
    IEnumerable<INotificationChannel> channels,
    OfficeDirectory offices,
    IOptions<NotificationOptions> options,
    DispatchHooks hooks,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    public const string EmailChannel = "email";
    public const string DeadLetterKind = "deadLetter";

    /// <summary>Messages on a channel that is not configured (no sender) are looked at again after this.</summary>
    public static readonly TimeSpan UnwiredChannelDelay = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tablesReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Inside the loop: storage that is not up yet must not stop the host, only delay delivery.
                if (!tablesReady)
                {
                    await outbox.CreateIfNotExistsAsync(stoppingToken);
                    tablesReady = true;
                }

                var result = await RunOnceAsync(stoppingToken);
                if (result.Sent + result.Failed + result.Dead > 0)
                {
                    LogPass(result.Sent, result.Failed, result.Dead, result.Skipped);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass over the due messages (at most <see cref="NotificationOptions.BatchSize"/>).</summary>
    public async Task<DispatchResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        int sent = 0, failed = 0, dead = 0, skipped = 0;
        var due = await outbox.ListDueAsync(time.GetUtcNow(), settings.BatchSize, cancellationToken);
        SmtpSession? session = null;
        try
        {
            foreach (var index in due)
            {
                var isEmail = string.Equals(index.Channel, EmailChannel, StringComparison.OrdinalIgnoreCase);
                var channel = isEmail ? null : ChannelFor(index.Channel);
                if (!isEmail && channel is null)
                {
                    LogChannelNotWired(index.Channel, index.RecipientId);
                    await outbox.PostponeAsync(index, time.GetUtcNow() + UnwiredChannelDelay, cancellationToken);
                    skipped++;
                    continue;
                }

                if (QuietHours.DeferUntil(time.GetUtcNow(), index.Channel, settings.QuietHours) is { } resumeAt)
                {
                    // Deferred, never dropped: the index row simply becomes due when the quiet hours end.
                    LogQuietHours(index.Channel, index.RecipientId, resumeAt);
                    await outbox.PostponeAsync(index, resumeAt, cancellationToken);
                    skipped++;
                    continue;
                }

                using var permit = await LimiterFor(index.Channel).AcquireAsync(1, cancellationToken);
                if (!permit.IsAcquired)
                {
                    skipped++;
                    continue;
                }

                var claim = await outbox.TryClaimAsync(index, time.GetUtcNow(), settings.LeaseDuration, cancellationToken);
                if (claim is null)
                {
                    skipped++;
                    continue;
                }

                var message = claim.Message;
                if (string.IsNullOrWhiteSpace(message.Address))
                {
                    var what = channel is null ? "邮箱地址" : $"{channel.Name}地址";
                    await KillAsync(claim, $"收件人没有可用的{what}（no address）", cancellationToken);
                    dead++;
                    continue;
                }

                try
                {
                    if (channel is not null)
                    {
                        await channel.SendAsync(message, cancellationToken);
                    }
                    else
                    {
                        if (session is not { IsConnected: true })
                        {
                            if (session is not null)
                            {
                                await session.DisposeAsync();
                                session = null;
                            }

                            session = await email.OpenAsync(cancellationToken);
                        }

                        await session.SendAsync(EmailComposer.Compose(message, email.Options), cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (await FailAsync(claim, ex, cancellationToken))
                    {
                        dead++;
                    }
                    else
                    {
                        failed++;
                    }

                    continue;
                }

                // The at-least-once window: the server has the message, the outbox still says sending.
                hooks.AfterAccepted?.Invoke(message);
                if (await outbox.MarkSentAsync(claim, time.GetUtcNow(), cancellationToken))
                {
                    sent++;
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        var masked = Mask.Address(message.Address);
                        LogSent(message.Kind, message.RecipientId, masked, claim.Row.Attempts);
                    }
                }
                else
                {
                    LogClaimLost(message.Kind, message.RecipientId);
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return new DispatchResult(sent, failed, dead, skipped);
    }

    public override void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }

        base.Dispose();
    }

    /// <summary>Records a failed attempt; true when that was the last one and the message is now dead.</summary>
    private async Task<bool> FailAsync(OutboxClaim claim, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = claim.Message;
        var attempts = claim.Row.Attempts;
        var reason = error.GetType().Name + ": " + error.Message;
        if (attempts >= settings.MaxAttempts)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                var masked = Mask.Address(message.Address);
                LogGivingUp(message.Kind, message.RecipientId, masked, attempts, error.GetType().Name);
            }

            await KillAsync(claim, string.Create(CultureInfo.InvariantCulture, $"{attempts}次发送均失败（failed {attempts} attempts）：{reason}"), cancellationToken);
            return true;
        }

        var next = time.GetUtcNow() + RetrySchedule.DelayAfter(attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared);
        await outbox.MarkFailedAsync(claim, reason, next, cancellationToken);
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var masked = Mask.Address(message.Address);
            LogRetrying(message.Kind, message.RecipientId, masked, attempts, next, error.GetType().Name);
        }

        return false;
    }

    /// <summary>Marks the message dead and, unless it is itself an alert, tells the district office once.</summary>
    private async Task KillAsync(OutboxClaim claim, string reason, CancellationToken cancellationToken)
    {
        var message = claim.Message;
        if (!await outbox.MarkDeadAsync(claim, reason, cancellationToken))
        {
            LogClaimLost(message.Kind, message.RecipientId);
            return;
        }

        if (logger.IsEnabled(LogLevel.Error))
        {
            var masked = Mask.Address(message.Address);
            LogDead(message.Kind, message.RecipientId, masked, claim.Row.Attempts);
        }

        if (message.Kind == DeadLetterKind)
        {
            return;
        }

        var office = await offices.ForAsync(message.RecipientId, cancellationToken);
        if (office is null)
        {
            LogNoOffice(message.RecipientId);
            return;
        }

        var recipient = message.RecipientName is null ? message.RecipientId : $"{message.RecipientName}（{message.RecipientId}）";
        await outbox.EnqueueAsync(
            [
                new OutboxMessage
                {
                    IdempotencyKey = $"{DeadLetterKind}|{message.RecipientId}|{message.IdempotencyKey}",
                    RecipientId = office.UnitId,
                    RecipientName = office.Name,
                    Channel = EmailChannel,
                    Address = office.Email,
                    Kind = DeadLetterKind,
                    Subject = $"【通知投递失败】{message.Subject}",
                    Body = string.Create(CultureInfo.InvariantCulture,
                        $"发送给{recipient}的通知「{message.Subject}」未能送达，已停止发送（尝试{claim.Row.Attempts}次）。\n原因：{reason}\n收件地址：{message.Address ?? "（无）"}\n请核实联系方式后另行通知。"),
                },
            ], cancellationToken);
    }

    /// <summary>The first configured channel of that name (registration order: Twilio before the SMS gateway).</summary>
    private INotificationChannel? ChannelFor(string name) =>
        channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && c.IsConfigured);

    private RateLimiter LimiterFor(string channel) => _limiters.GetOrAdd(channel, name =>
    {
        var settings = options.Value;
        if (!settings.PerMinute.TryGetValue(name, out var perMinute))
        {
            return new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = int.MaxValue, QueueLimit = 0 });
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = settings.BatchSize,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} to {RecipientId} <{Address}> (attempt {Attempts})")]
    private partial void LogSent(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Kind} to {RecipientId} <{Address}> failed (attempt {Attempts}, {Error}); next try at {NextAttemptAt:o}")]
    private partial void LogRetrying(string kind, string recipientId, string address, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving up on {Kind} to {RecipientId} <{Address}> after {Attempts} attempts ({Error})")]
    private partial void LogGivingUp(string kind, string recipientId, string address, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead letter: {Kind} to {RecipientId} <{Address}> after {Attempts} attempt(s)")]
    private partial void LogDead(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Dead letter to {RecipientId}: no office found to alert (set RectifyFlows:Notifications:OfficeUnitId)")]
    private partial void LogNoOffice(string recipientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the claim on {Kind} to {RecipientId} (lease expired and another dispatcher took it over)")]
    private partial void LogClaimLost(string kind, string recipientId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No sender for channel {Channel} yet (message to {RecipientId}); looking again later")]
    private partial void LogChannelNotWired(string channel, string recipientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox pass: {Sent} sent, {Failed} failed, {Dead} dead, {Skipped} skipped")]
    private partial void LogPass(int sent, int failed, int dead, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiet hours: {Channel} message to {RecipientId} deferred to {ResumeAt:o}")]
    private partial void LogQuietHours(string channel, string recipientId, DateTimeOffset resumeAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed")]
    private partial void LogPassFailed(Exception exception);
}
