using RectifyFlows.Domain.Configuration;

namespace RectifyFlows.Notifications.Robots;

/// <summary>A DingTalk (钉钉) group robot with signing (<c>RectifyFlows:Notifications:DingTalk</c>); token and secret come from configuration or Key Vault.</summary>
public sealed class DingTalkOptions
{
    /// <summary>The webhook URL up to the access token; tests point it at a local server.</summary>
    public Uri BaseUrl { get; set; } = new("https://oapi.dingtalk.com/robot/send?access_token=");

    public string? AccessToken { get; set; }

    /// <summary>The robot's signing secret (SEC…).</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => ConfiguredSecret.IsSet(AccessToken) && ConfiguredSecret.IsSet(Secret);
}
