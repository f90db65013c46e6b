using System.ComponentModel.DataAnnotations;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Robots;
using RectifyFlows.Notifications.Sms;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>How the outbox is delivered; bound from <c>RectifyFlows:Notifications</c>.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "RectifyFlows:Notifications";

    /// <summary>The SMTP relay for the email channel.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>SMS and robots wait out the night (22:00–07:00 China Standard Time by default).</summary>
    public QuietHoursOptions QuietHours { get; set; } = new();

    /// <summary>SMS through Twilio; preferred over <see cref="SmsGateway"/> when both are configured.</summary>
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>SMS through a generic signed HTTP gateway.</summary>
    public SmsGatewayOptions SmsGateway { get; set; } = new();

    /// <summary>The WeCom group robot.</summary>
    public WeComOptions WeCom { get; set; } = new();

    /// <summary>The DingTalk group robot.</summary>
    public DingTalkOptions DingTalk { get; set; } = new();

    /// <summary>How often the dispatcher looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many messages per pass (one SMTP connection serves them all).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is dead and the office is alerted.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each further one twice as long (with jitter), up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a claim (status sending) holds. A dispatcher that dies mid-send leaves the message claimed; another
    /// takes it over after this, which is when a duplicate can go out (see docs/notifications.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends per minute per channel (token bucket; the key is the channel name).</summary>
    public Dictionary<string, int> PerMinute { get; set; } = new(StringComparer.OrdinalIgnoreCase) { [ContactChannels.Email] = 120 };

    /// <summary>How many sends a channel may burst before the per-minute rate applies.</summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 20;

    /// <summary>
    /// How long a reminder by mail waits after it was written before it goes out, so the day's other reminders to the
    /// same recipient (written in the same burst of ladder steps) fold into its digest. Zero sends at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DigestDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where dead-letter alerts go when the recipient's district office cannot be found in the unit directory.</summary>
    public string? OfficeUnitId { get; set; }

    /// <summary>The fallback office's e-mail address.</summary>
    [EmailAddress]
    public string? OfficeEmail { get; set; }

    /// <summary>The channels with settings enough to deliver (email, sms, wecom, dingtalk); empty when none is.</summary>
    public IReadOnlyList<string> ConfiguredChannels() =>
    [
        .. Smtp.IsConfigured ? [ContactChannels.Email] : Array.Empty<string>(),
        .. Twilio.IsConfigured || SmsGateway.IsConfigured ? [ContactChannels.Sms] : Array.Empty<string>(),
        .. WeCom.IsConfigured ? [ContactChannels.WeCom] : Array.Empty<string>(),
        .. DingTalk.IsConfigured ? [ContactChannels.DingTalk] : Array.Empty<string>(),
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The relay is validated only when one is named: a deployment with robots or SMS only has no SMTP section.
        var results = new List<ValidationResult>();
        if (!string.IsNullOrWhiteSpace(Smtp.Host))
        {
            Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), results, validateAllProperties: true);
        }

        foreach (var result in results)
        {
            yield return new ValidationResult("Smtp: " + result.ErrorMessage, [.. result.MemberNames.Select(m => "Smtp." + m)]);
        }

        if (PerMinute.Any(p => p.Value < 1))
        {
            yield return new ValidationResult("PerMinute values must be at least 1.", [nameof(PerMinute)]);
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("RetryMaxDelay must not be shorter than RetryBaseDelay.", [nameof(RetryMaxDelay)]);
        }
    }
}
