namespace RectifyFlows.Notifications;

/// <summary>
/// A channel the dispatcher routes to by <see cref="OutboxMessage.Channel"/>: sms, wecom and dingtalk are registered
/// services; email is a channel made for each pass (<see cref="Email.SmtpPassChannel"/>), so one SMTP connection
/// serves the whole pass.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The <see cref="OutboxMessage.Channel"/> value this channel delivers.</summary>
    string Name { get; }

    /// <summary>False when its configuration is missing: the dispatcher then leaves its messages pending.</summary>
    bool IsConfigured { get; }

    /// <summary>Delivers one message; throws when the service did not accept it (the dispatcher retries).</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
