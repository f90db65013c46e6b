using RectifyFlows.Domain.Configuration;

namespace RectifyFlows.Notifications.Robots;

/// <summary>A WeCom (企业微信) group robot (<c>RectifyFlows:Notifications:WeCom</c>); the key comes from configuration or Key Vault.</summary>
public sealed class WeComOptions
{
    /// <summary>The webhook URL up to the key; tests point it at a local server.</summary>
    public Uri BaseUrl { get; set; } = new("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=");

    /// <summary>The robot's webhook key.</summary>
    public string? Key { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => ConfiguredSecret.IsSet(Key);
}
