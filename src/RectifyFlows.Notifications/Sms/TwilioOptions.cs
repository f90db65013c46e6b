using RectifyFlows.Domain.Configuration;

namespace RectifyFlows.Notifications.Sms;

/// <summary>Twilio (<c>RectifyFlows:Notifications:Twilio</c>); the auth token comes from configuration or Key Vault.</summary>
public sealed class TwilioOptions
{
    /// <summary>The API root; tests point it at a local server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>The sender number (E.164); or set <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }
    public string? MessagingServiceSid { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrEmpty(AccountSid) && ConfiguredSecret.IsSet(AuthToken)
        && (!string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(MessagingServiceSid));
}
