using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RectifyFlows.Notifications.Dispatch;

namespace RectifyFlows.Notifications.Email;

/// <summary>
/// The email channel: opens one SMTP connection (connect, STARTTLS/TLS, authenticate; retried with Polly) that a
/// dispatcher pass reuses for all its messages.
/// </summary>
public sealed class SmtpEmailChannel
{
    private readonly SmtpOptions _smtp;
    private readonly ResiliencePipeline _connect;

    public SmtpEmailChannel(IOptions<NotificationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _smtp = options.Value.Smtp;
        _connect = _smtp.ConnectRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<SocketException>().Handle<IOException>()
                        .Handle<SmtpProtocolException>().Handle<TimeoutException>(),
                    MaxRetryAttempts = _smtp.ConnectRetries,
                    Delay = _smtp.ConnectRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .Build();
    }

    public SmtpOptions Options => _smtp;

    /// <summary>A connected, authenticated session; dispose it at the end of the batch.</summary>
    public async Task<SmtpSession> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        try
        {
            await _connect.ExecuteAsync(async ct =>
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(false, ct);
                }

                var security = _smtp.UseTls ? SecureSocketOptions.SslOnConnect
                    : _smtp.UseStartTls ? SecureSocketOptions.StartTls
                    : SecureSocketOptions.None;
                await client.ConnectAsync(_smtp.Host, _smtp.Port, security, ct);
                if (!string.IsNullOrEmpty(_smtp.UserName))
                {
                    await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? string.Empty, ct);
                }
            }, cancellationToken);
            return new SmtpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
