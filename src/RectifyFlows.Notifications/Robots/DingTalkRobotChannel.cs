using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Dispatch;

namespace RectifyFlows.Notifications.Robots;

/// <summary>
/// Posts to the configured DingTalk group robot:
/// <c>POST {BaseUrl}{AccessToken}&amp;timestamp={ms}&amp;sign={urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))}</c>
/// with a markdown message that @-mentions the message's Address (a mobile number).
/// </summary>
public sealed class DingTalkRobotChannel(IHttpClientFactory http, IOptions<NotificationOptions> options, TimeProvider time) : INotificationChannel
{
    public const string ChannelName = ContactChannels.DingTalk;

    /// <summary>300001: the access token does not exist (the robot was removed or the token is wrong).</summary>
    public static readonly IReadOnlySet<int> InvalidKeyCodes = new HashSet<int> { 300001 };

    public string Name => ChannelName;

    public bool IsConfigured => options.Value.DingTalk.IsConfigured;

    /// <summary>DingTalk's signature of a timestamp (ms), before URL encoding.</summary>
    public static string Sign(string secret, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dingtalk = options.Value.DingTalk;
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{dingtalk.BaseUrl}{Uri.EscapeDataString(message.RobotKey ?? dingtalk.AccessToken!)}&timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(dingtalk.Secret!, timestamp))}"));
        var payload = new
        {
            msgtype = "markdown",
            markdown = new { title = message.Subject, text = $"#### {message.Subject}\n\n{message.Body}\n\n@{message.Address}" },
            at = new { atMobiles = message.Address is null ? Array.Empty<string>() : [message.Address], isAtAll = false },
        };
        await RobotPost.SendAsync(http, nameof(DingTalkRobotChannel), dingtalk.Timeout, url, payload, "DingTalk", InvalidKeyCodes, cancellationToken);
    }
}
