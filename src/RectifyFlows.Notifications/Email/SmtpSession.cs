using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace RectifyFlows.Notifications.Email;

/// <summary>One open SMTP connection, reused for a dispatcher pass.</summary>
public sealed class SmtpSession(SmtpClient client) : IAsyncDisposable
{
    public bool IsConnected => client.IsConnected;

    /// <summary>Returns when the server has accepted the message (250 after DATA).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        await client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException)
        {
            // The connection is already gone; nothing to say goodbye to.
        }
        finally
        {
            client.Dispose();
        }
    }
}
