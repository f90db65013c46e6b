using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Dispatch;

namespace RectifyFlows.Notifications.Robots;

/// <summary>
/// Posts to the configured WeCom group robot: <c>POST {BaseUrl}{Key}</c> with
/// <c>{"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[Address]}}</c>. Text rather than markdown
/// because only text messages can @-mention the recipient (the message's Address is the mobile to mention).
/// </summary>
public sealed class WeComRobotChannel(IHttpClientFactory http, IOptions<NotificationOptions> options) : INotificationChannel
{
    public const string ChannelName = ContactChannels.WeCom;

    /// <summary>93000: invalid webhook URL (the key does not exist or was removed from the group).</summary>
    public static readonly IReadOnlySet<int> InvalidKeyCodes = new HashSet<int> { 93000 };

    public string Name => ChannelName;

    public bool IsConfigured => options.Value.WeCom.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wecom = options.Value.WeCom;
        var payload = new
        {
            msgtype = "text",
            text = new { content = $"{message.Subject}\n{message.Body}", mentioned_mobile_list = message.Address is null ? Array.Empty<string>() : [message.Address] },
        };
        // A contact's own robot (its unit's group) wins over the configured office group.
        var url = new Uri(wecom.BaseUrl + Uri.EscapeDataString(message.RobotKey ?? wecom.Key!));
        await RobotPost.SendAsync(http, nameof(WeComRobotChannel), wecom.Timeout, url, payload, "WeCom", InvalidKeyCodes, cancellationToken);
    }
}
