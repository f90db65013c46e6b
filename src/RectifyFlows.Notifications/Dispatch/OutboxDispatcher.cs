using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Telemetry;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// Delivers the outbox: each pass reads due rows from the pending index and takes each through named steps — gate
/// (channel wired, quiet hours, digest wait; <c>OutboxDispatcher.Gate.cs</c>), rate limit, claim (ETag-guarded update
/// to sending with a lease), fold a digest (<c>OutboxDispatcher.Digest.cs</c>), send on its channel (email as a
/// channel that keeps one SMTP session for the pass, <see cref="SmtpPassChannel"/>; sms, wecom and dingtalk through
/// their <see cref="INotificationChannel"/>), record it sent — or a failure, or a dead letter
/// (<c>OutboxDispatcher.DeadLetter.cs</c>).
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
    : IDisposable
{
    public const string EmailChannel = ContactChannels.Email;
    public const string DeadLetterKind = "deadLetter";

    /// <summary>Messages on a channel that is not configured (no sender) are looked at again after this.</summary>
    public static readonly TimeSpan UnwiredChannelDelay = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    private volatile bool _tablesReady;

    /// <summary>
    /// One pass as the hosts run it: creates the outbox tables the first time, runs <see cref="RunOnceAsync"/>, logs
    /// what it did. The standalone host's DispatchOutbox Quartz job and the Functions app's timer of that name call this.
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

    /// <summary>One pass over the due messages (at most <see cref="NotificationOptions.BatchSize"/>).</summary>
    public async Task<DispatchResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await outbox.ListDueAsync(time.GetUtcNow(), settings.BatchSize, cancellationToken);
        var pass = new DispatchPass();
        await using var smtp = new SmtpPassChannel(email, settings.Smtp.IsConfigured);
        foreach (var index in due)
        {
            if (!pass.Folded.Contains(index.RowKey))
            {
                await DispatchAsync(index, smtp, pass, cancellationToken);
            }
        }

        return pass.Result;
    }

    /// <summary>One due message: gate, rate limit, claim, fold its digest, send, record.</summary>
    private async Task DispatchAsync(PendingIndexEntity index, SmtpPassChannel smtp, DispatchPass pass, CancellationToken cancellationToken)
    {
        if (await GateAsync(index, smtp, cancellationToken) is not { } channel)
        {
            pass.Skipped++;
            return;
        }

        using var permit = await LimiterFor(index.Channel).AcquireAsync(1, cancellationToken);
        if (!permit.IsAcquired
            || await outbox.TryClaimAsync(index, time.GetUtcNow(), options.Value.LeaseDuration, cancellationToken) is not { } claim)
        {
            pass.Skipped++;
            return;
        }

        var isEmail = channel is SmtpPassChannel;
        if (!HasAddress(claim.Message, isEmail))
        {
            var what = isEmail ? "邮箱地址" : $"{channel.Name}地址";
            await KillAsync([claim], claim.Message, $"收件人没有可用的{what}（no address）", cancellationToken);
            pass.Dead++;
            return;
        }

        List<OutboxClaim> claims = [claim];
        // A digest gathers what arrives within DigestDelay; zero means each reminder goes at once, on its own.
        if (isEmail && claim.Message.DigestKey is not null && options.Value.DigestDelay > TimeSpan.Zero)
        {
            await ClaimDigestAsync(claims, pass.Folded, cancellationToken);
        }

        var toSend = claims.Count == 1 ? claim.Message : DigestOf(claims);
        try
        {
            await channel.SendAsync(toSend, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var died = await FailAsync(claims, toSend, ex, cancellationToken);
            pass.Dead += died;
            pass.Failed += claims.Count - died;
            return;
        }

        // The at-least-once window: the server has the message, the outbox still says sending.
        hooks.AfterAccepted?.Invoke(toSend);
        pass.Sent += await RecordSentAsync(claims, cancellationToken);
        if (claims.Count > 1)
        {
            LogDigest(claim.Message.RecipientId, claims.Count);
        }
    }

    /// <summary>An email needs an address; a robot channel's message may go by its robot key instead.</summary>
    private static bool HasAddress(OutboxMessage message, bool isEmail) =>
        !string.IsNullOrWhiteSpace(message.Address) || (!isEmail && !string.IsNullOrWhiteSpace(message.RobotKey));

    /// <summary>Marks the delivered messages sent; returns how many this dispatcher still held (a lost lease is logged, not counted).</summary>
    private async Task<int> RecordSentAsync(IReadOnlyList<OutboxClaim> claims, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var member in claims)
        {
            if (await outbox.MarkSentAsync(member, time.GetUtcNow(), cancellationToken))
            {
                sent++;
                RectifyFlowsMetrics.Delivery(member.Message.Channel, OutboxStatus.Sent);
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

        return sent;
    }

    /// <summary>Releases the per-channel rate limiters.</summary>
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
