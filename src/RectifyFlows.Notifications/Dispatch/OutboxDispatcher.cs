using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Telemetry;

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

    private volatile bool _tablesReady;

    /// <summary>
    /// One pass as the hosts run it: creates the outbox tables the first time, runs <see cref="RunOnceAsync"/>, logs
    /// what it did. The standalone host's loop and the Functions app's timer both call this.
    /// </summary>
    public async Task<DispatchResult> RunPassAsync(CancellationToken cancellationToken)
    {
        if (!_tablesReady)
        {
            await outbox.CreateIfNotExistsAsync(cancellationToken);
            _tablesReady = true;
        }

        var result = await RunOnceAsync(cancellationToken);
        if (result.Sent + result.Failed + result.Dead > 0)
        {
            LogPass(result.Sent, result.Failed, result.Dead, result.Skipped);
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Inside the loop: storage that is not up yet must not stop the host, only delay delivery.
                await RunPassAsync(stoppingToken);
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

        // Index rows already delivered in a digest earlier in this pass.
        var folded = new HashSet<string>(StringComparer.Ordinal);
        SmtpSession? session = null;
        try
        {
            foreach (var index in due)
            {
                if (folded.Contains(index.RowKey))
                {
                    continue;
                }

                var isEmail = string.Equals(index.Channel, EmailChannel, StringComparison.OrdinalIgnoreCase);
                var channel = isEmail ? null : ChannelFor(index.Channel);
                if (isEmail ? !settings.Smtp.IsConfigured : channel is null)
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

                if (index.DigestKey is not null && index.CreatedAt + settings.DigestDelay > time.GetUtcNow())
                {
                    // A reminder waits for the rest of its burst, so they leave as one digest.
                    await outbox.PostponeAsync(index, index.CreatedAt + settings.DigestDelay, cancellationToken);
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
                if (string.IsNullOrWhiteSpace(message.Address) && (channel is null || string.IsNullOrWhiteSpace(message.RobotKey)))
                {
                    var what = channel is null ? "邮箱地址" : $"{channel.Name}地址";
                    await KillAsync([claim], message, $"收件人没有可用的{what}（no address）", cancellationToken);
                    dead++;
                    continue;
                }

                List<OutboxClaim> claims = [claim];
                if (isEmail && message.DigestKey is not null)
                {
                    await ClaimDigestAsync(claims, folded, cancellationToken);
                }

                var toSend = claims.Count == 1 ? message : DigestOf(claims);
                try
                {
                    if (channel is not null)
                    {
                        await channel.SendAsync(toSend, cancellationToken);
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

                        await session.SendAsync(EmailComposer.Compose(toSend, email.Options), cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var died = await FailAsync(claims, toSend, ex, cancellationToken);
                    dead += died;
                    failed += claims.Count - died;
                    continue;
                }

                // The at-least-once window: the server has the message, the outbox still says sending.
                hooks.AfterAccepted?.Invoke(toSend);
                foreach (var member in claims)
                {
                    if (await outbox.MarkSentAsync(member, time.GetUtcNow(), cancellationToken))
                    {
                        sent++;
                        RectifyFlowsMetrics.Delivery(member.Message.Channel, "sent");
                        if (logger.IsEnabled(LogLevel.Information))
                        {
                            var masked = Mask.Address(member.Message.Address);
                            LogSent(member.Message.Kind, member.Message.RecipientId, masked, member.Row.Attempts);
                        }
                    }
                    else
                    {
                        LogClaimLost(member.Message.Kind, member.Message.RecipientId);
                    }
                }

                if (claims.Count > 1)
                {
                    LogDigest(message.RecipientId, claims.Count);
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

    /// <summary>
    /// Claims the other undelivered reminders of the leader's digest (same recipient and CST day) under the same lease,
    /// so one mail carries them all and each is marked sent after it.
    /// </summary>
    private async Task ClaimDigestAsync(List<OutboxClaim> claims, HashSet<string> folded, CancellationToken cancellationToken)
    {
        var leader = claims[0];
        var siblings = await outbox.ListDigestAsync(leader.Message.RecipientId, leader.Message.DigestKey!, cancellationToken);
        foreach (var sibling in siblings)
        {
            if (sibling.RowKey == leader.Index.RowKey)
            {
                continue;
            }

            // The same guarded claim as the leader's: a sibling another dispatcher holds, or one already sent, is left alone.
            if (await outbox.TryClaimAsync(sibling, time.GetUtcNow(), options.Value.LeaseDuration, cancellationToken) is { } other
                && other.Message.DigestKey == leader.Message.DigestKey)
            {
                claims.Add(other);
                folded.Add(sibling.RowKey);
            }
        }
    }

    /// <summary>One mail for the claimed reminders; its key (and so its Message-ID) names exactly those members.</summary>
    private static OutboxMessage DigestOf(IReadOnlyList<OutboxClaim> claims)
    {
        var members = claims.Select(c => c.Message)
            .OrderBy(m => m.Fields?.DueDate ?? DateOnly.MaxValue)
            .ThenBy(m => m.Fields?.Measure ?? m.Subject, StringComparer.Ordinal)
            .ToList();
        var first = members[0];
        var day = DateOnly.TryParseExact(first.DigestKey![^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateOnly.FromDateTime(first.CreatedAt.UtcDateTime);
        var content = NotificationTemplates.DigestOf(day, members);
        var memberKeys = string.Join("\n", members.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
        return first with
        {
            IdempotencyKey = first.DigestKey + "|" + OutboxRepository.RowKeyOf(memberKeys),
            Subject = content.Subject,
            Body = content.Text,
            Html = content.Html,
            Fields = null,
            Fallbacks = [],
        };
    }

    /// <summary>
    /// Records a failed attempt of the claimed messages sent as <paramref name="sent"/> (one, or a digest); returns how
    /// many are now dead: all of them after a permanent rejection or the last attempt, else none (one shared retry time,
    /// so a digest's members come due together again).
    /// </summary>
    private async Task<int> FailAsync(List<OutboxClaim> claims, OutboxMessage sent, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = claims.Max(c => c.Row.Attempts);
        var reason = error.GetType().Name + ": " + error.Message;
        var permanent = error is PermanentDeliveryException;
        if (permanent || attempts >= settings.MaxAttempts)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                var masked = Mask.Address(sent.Address);
                if (permanent)
                {
                    LogRejected(sent.Kind, sent.RecipientId, masked, attempts);
                }
                else
                {
                    LogGivingUp(sent.Kind, sent.RecipientId, masked, attempts, error.GetType().Name);
                }
            }

            var why = permanent
                ? $"被拒收，不再重试（rejected permanently）：{reason}"
                : string.Create(CultureInfo.InvariantCulture, $"{attempts}次发送均失败（failed {attempts} attempts）：{reason}");
            await KillAsync(claims, sent, why, cancellationToken);
            return claims.Count;
        }

        var next = time.GetUtcNow() + RetrySchedule.DelayAfter(attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared);
        foreach (var claim in claims)
        {
            await outbox.MarkFailedAsync(claim, reason, next, cancellationToken);
            RectifyFlowsMetrics.Delivery(claim.Message.Channel, "failed");
        }

        if (logger.IsEnabled(LogLevel.Warning))
        {
            var masked = Mask.Address(sent.Address);
            LogRetrying(sent.Kind, sent.RecipientId, masked, attempts, next, error.GetType().Name);
        }

        return 0;
    }

    /// <summary>
    /// Marks the claimed messages dead, writes each one's next channel (the contact's fallback) to the outbox, and, unless
    /// they are alerts themselves, tells the district office once about <paramref name="sent"/>.
    /// </summary>
    private async Task KillAsync(IReadOnlyList<OutboxClaim> claims, OutboxMessage sent, string reason, CancellationToken cancellationToken)
    {
        var fallbacks = new List<OutboxMessage>();
        var anyDied = false;
        foreach (var claim in claims)
        {
            var message = claim.Message;
            if (!await outbox.MarkDeadAsync(claim, reason, cancellationToken))
            {
                LogClaimLost(message.Kind, message.RecipientId);
                continue;
            }

            anyDied = true;
            RectifyFlowsMetrics.Delivery(message.Channel, "dead");
            if (logger.IsEnabled(LogLevel.Error))
            {
                var masked = Mask.Address(message.Address);
                LogDead(message.Kind, message.RecipientId, masked, claim.Row.Attempts);
            }

            if (message.Kind != DeadLetterKind && FallbackOf(message) is { } fallback)
            {
                fallbacks.Add(fallback);
                LogFallback(message.Kind, message.RecipientId, message.Channel, fallback.Channel);
            }
        }

        if (fallbacks.Count > 0)
        {
            await outbox.EnqueueAsync(fallbacks, cancellationToken);
        }

        if (!anyDied || sent.Kind == DeadLetterKind)
        {
            return;
        }

        var office = await offices.ForAsync(sent.RecipientId, cancellationToken);
        if (office is null)
        {
            LogNoOffice(sent.RecipientId);
            return;
        }

        var recipient = sent.RecipientName is null ? sent.RecipientId : $"{sent.RecipientName}（{sent.RecipientId}）";
        var alert = NotificationTemplates.DeadLetterOf(
            sent.Subject, recipient, sent.Channel, claims.Max(c => c.Row.Attempts), reason, sent.Address,
            fallbacks.Count > 0 ? fallbacks[0].Channel : null);
        await outbox.EnqueueAsync(
            [
                new OutboxMessage
                {
                    IdempotencyKey = $"{DeadLetterKind}|{sent.RecipientId}|{sent.IdempotencyKey}",
                    RecipientId = office.UnitId,
                    RecipientName = office.Name,
                    Channel = EmailChannel,
                    Address = office.Email,
                    Kind = DeadLetterKind,
                    Subject = alert.Subject,
                    Body = alert.Text,
                },
            ], cancellationToken);
    }

    /// <summary>
    /// The same event on the contact's next channel. Its key is the one the resolver gives that channel
    /// (<c>{event}|{recipient}|{channel}</c>), so a retried kill, or another path that already sent it there, adds nothing.
    /// </summary>
    public static OutboxMessage? FallbackOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Fallbacks.Count == 0)
        {
            return null;
        }

        var next = message.Fallbacks[0];
        return message with
        {
            IdempotencyKey = message.EventKey is null
                ? $"{message.IdempotencyKey}>{next.Channel}"
                : ContactResolver.KeyOf(message.EventKey, message.RecipientId, next.Channel),
            Channel = next.Channel,
            Address = next.Address,
            RobotKey = next.RobotKey,
            Body = next.Body,
            Html = null,
            DigestKey = null,
            Fallbacks = [.. message.Fallbacks.Skip(1)],
            Status = OutboxStatus.Pending,
            Attempts = 0,
            CreatedAt = default,
        };
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected permanently: {Kind} to {RecipientId} <{Address}> (attempt {Attempts}); not retried")]
    private partial void LogRejected(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Falling back: {Kind} to {RecipientId} goes by {Fallback} after {Channel} failed")]
    private partial void LogFallback(string kind, string recipientId, string channel, string fallback);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest: one mail to {RecipientId} carried {Count} reminders")]
    private partial void LogDigest(string recipientId, int count);

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
