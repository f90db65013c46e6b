namespace RectifyFlows.Notifications.Email;

/// <summary>
/// Email as a channel for one dispatcher pass: the first mail opens an SMTP session, the next ones reuse it (a session
/// the server dropped is opened again), and the pass closes it when it ends — one connection per pass, not per mail.
/// </summary>
internal sealed class SmtpPassChannel(SmtpEmailChannel email, bool isConfigured) : INotificationChannel, IAsyncDisposable
{
    private SmtpSession? _session;

    public string Name => Dispatch.OutboxDispatcher.EmailChannel;

    public bool IsConfigured => isConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (_session is not { IsConnected: true })
        {
            await CloseAsync();
            _session = await email.OpenAsync(cancellationToken);
        }

        await _session.SendAsync(EmailComposer.Compose(message, email.Options), cancellationToken);
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async ValueTask CloseAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }
    }
}
