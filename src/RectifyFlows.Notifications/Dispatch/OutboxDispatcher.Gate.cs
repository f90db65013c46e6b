using System.Threading.RateLimiting;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>The gate of a pass: whether a due message may go now, and the channel and rate limit it goes under.</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// The channel the message goes on now; or null, with the index row postponed, when it may not go now: its
    /// channel has no sender, the channel's quiet hours are on, or it is a reminder still waiting for the rest of its burst.
    /// </summary>
    private async Task<INotificationChannel?> GateAsync(PendingIndexEntity index, SmtpPassChannel smtp, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = ChannelFor(index.Channel, smtp);
        if (channel is null)
        {
            LogChannelNotWired(index.Channel, index.RecipientId);
            await outbox.PostponeAsync(index, time.GetUtcNow() + UnwiredChannelDelay, cancellationToken);
            return null;
        }

        if (QuietHours.DeferUntil(time.GetUtcNow(), index.Channel, settings.QuietHours) is { } resumeAt)
        {
            // Deferred, never dropped: the index row simply becomes due when the quiet hours end.
            LogQuietHours(index.Channel, index.RecipientId, resumeAt);
            await outbox.PostponeAsync(index, resumeAt, cancellationToken);
            return null;
        }

        if (index.DigestKey is not null && index.CreatedAt + settings.DigestDelay > time.GetUtcNow())
        {
            // A reminder waits for the rest of its burst, so they leave as one digest.
            await outbox.PostponeAsync(index, index.CreatedAt + settings.DigestDelay, cancellationToken);
            return null;
        }

        return channel;
    }

    /// <summary>
    /// The configured channel of that name: the pass's SMTP channel for email, else the first configured
    /// <see cref="INotificationChannel"/> (registration order: Twilio before the SMS gateway); null when none is.
    /// </summary>
    private INotificationChannel? ChannelFor(string name, SmtpPassChannel smtp) =>
        string.Equals(name, EmailChannel, StringComparison.OrdinalIgnoreCase)
            ? (smtp.IsConfigured ? smtp : null)
            : channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && c.IsConfigured);

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
}
