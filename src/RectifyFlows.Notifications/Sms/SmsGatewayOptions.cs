using RectifyFlows.Domain.Configuration;

namespace RectifyFlows.Notifications.Sms;

/// <summary>A generic HTTP SMS gateway (<c>RectifyFlows:Notifications:SmsGateway</c>); the secret comes from configuration or Key Vault.</summary>
public sealed class SmsGatewayOptions
{
    public const string SignatureHeader = "X-Signature";

    /// <summary>The endpoint messages are POSTed to.</summary>
    public Uri? Url { get; set; }

    /// <summary>The HMAC-SHA256 key for <see cref="SignatureHeader"/>.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => Url is not null && ConfiguredSecret.IsSet(Secret);
}
