using RectifyFlows.Domain.Units;

namespace RectifyFlows.Notifications.Templates;

/// <summary>
/// One event rendered for every channel: the mail subject, text and HTML, a short SMS text and robot markdown.
/// <see cref="Digestible"/> events (reminders) by mail are folded into one daily mail per recipient.
/// </summary>
public sealed record NotificationContent
{
    /// <summary>The outbox kind: reminder, escalation1–3, bulletin, callIn, strike, reportReady, deadLetter…</summary>
    public required string Kind { get; init; }
    public required string Subject { get; init; }

    /// <summary>Mail plain text.</summary>
    public required string Text { get; init; }

    /// <summary>Mail HTML fragment (the composer wraps it in the page).</summary>
    public required string Html { get; init; }

    /// <summary>SMS body: one or two sentences, no field table (every 67 Chinese characters is another segment).</summary>
    public required string Sms { get; init; }

    /// <summary>Robot markdown (DingTalk renders it; WeCom's text message shows it as plain lines).</summary>
    public required string Markdown { get; init; }

    public NotificationFields? Fields { get; init; }
    public bool Digestible { get; init; }

    /// <summary>The body for a channel: text for email, short text for SMS, markdown for robots.</summary>
    public string BodyFor(string channel) => channel switch
    {
        ContactChannels.Sms => Sms,
        ContactChannels.WeCom or ContactChannels.DingTalk => Markdown,
        _ => Text,
    };
}
