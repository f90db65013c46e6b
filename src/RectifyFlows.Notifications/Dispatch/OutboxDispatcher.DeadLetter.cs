using System.Globalization;
using Microsoft.Extensions.Logging;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Telemetry;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>Failures: a retry later, or a dead letter with the contact's next channel and one alert to the district office.</summary>
public sealed partial class OutboxDispatcher
{
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
            RectifyFlowsMetrics.Delivery(claim.Message.Channel, OutboxStatus.Failed);
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
            RectifyFlowsMetrics.Delivery(message.Channel, OutboxStatus.Dead);
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
                    IdempotencyKey = MessageKeys.DeadLetter(sent.RecipientId, sent.IdempotencyKey),
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
                ? MessageKeys.Fallback(message.IdempotencyKey, next.Channel)
                : MessageKeys.PerRecipient(message.EventKey, message.RecipientId, next.Channel),
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
}
