using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Notifications.Dispatch;

namespace RectifyFlows.Notifications.Sms;

/// <summary>
/// SMS through a generic HTTP gateway: <c>POST {Url}</c> with JSON <c>{to, text, id}</c>, signed like RectifyFlows'
/// own webhooks: <c>X-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>. The id is stable
/// per message so a gateway can drop the duplicate an at-least-once retry may send.
/// </summary>
public sealed class SmsGatewayChannel(
    IHttpClientFactory http, IOptions<NotificationOptions> options, TimeProvider time, ILogger<SmsGatewayChannel> logger)
    : INotificationChannel
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string Name => TwilioSmsChannel.ChannelName;

    public bool IsConfigured => options.Value.SmsGateway.IsConfigured;

    /// <summary>The id sent with a message: hex SHA-256 of recipient and idempotency key.</summary>
    public static string IdOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{message.RecipientId}|{message.IdempotencyKey}")));
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var gateway = options.Value.SmsGateway;
        var text = SmsText.Of(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { to = message.Address, text, id = IdOf(message) }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(SmsGatewayOptions.SignatureHeader, WebhookSignature.Sign(gateway.Secret!, time.GetUtcNow(), body));
        SmsLog.Sending(logger, "gateway", message, text);

        await SmsPost.SendAsync(http, nameof(SmsGatewayChannel), gateway.Timeout, request,
            (status, reply) => new HttpRequestException($"SMS gateway answered {(int)status}: {SmsPost.Truncate(reply)}", null, status), cancellationToken);
    }
}
