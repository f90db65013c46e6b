using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace RectifyFlows.Notifications.Email;

/// <summary>One open SMTP connection, reused for a dispatcher pass.</summary>
public sealed class SmtpSession(SmtpClient client) : IAsyncDisposable
{
    public bool IsConnected => client.IsConnected;

    /// <summary>
    /// Returns when the server has accepted the message (250 after DATA). A 5xx refusal of the recipient or the message
    /// (550 no such mailbox, 552/554 refused) is a <see cref="PermanentDeliveryException"/>; a 5xx on MAIL FROM or
    /// authentication is our own configuration and stays a retried failure, as does every 4xx.
    /// </summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500
            && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            throw new PermanentDeliveryException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SMTP {(int)ex.StatusCode} ({ex.ErrorCode}): {ex.Message}"), ex);
        }
    }

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
