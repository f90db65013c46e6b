using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Text;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications.Email;

/// <summary>
/// Builds the MIME message: UTF-8 plain text and HTML alternatives, subject and names RFC 2047-encoded, and a
/// Message-ID derived from the idempotency key, so every attempt of one message carries the same id.
/// </summary>
public static class EmailComposer
{
    public static MimeMessage Compose(OutboxMessage message, SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(smtp);
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(Encoding.UTF8, smtp.FromName, smtp.From));
        mail.To.Add(new MailboxAddress(Encoding.UTF8, message.RecipientName ?? string.Empty,
            message.Address ?? throw new InvalidOperationException("The message has no address.")));
        mail.Headers.Replace(HeaderId.Subject, Encoding.UTF8, message.Subject);
        mail.MessageId = MessageIdOf(message, smtp.From);
        mail.Headers.Add("X-RectifyFlows-Kind", message.Kind);

        var greeting = string.IsNullOrWhiteSpace(message.RecipientName) ? string.Empty : message.RecipientName + "：";
        var plain = new TextPart(TextFormat.Plain);
        plain.SetText(Encoding.UTF8, (greeting.Length > 0 ? greeting + "\n\n" : string.Empty) + message.Body + "\n\n——整改督办系统（自动发送，请勿直接回复）");
        var html = new TextPart(TextFormat.Html);
        html.SetText(Encoding.UTF8, Html(greeting, message));
        mail.Body = new MultipartAlternative { plain, html };
        return mail;
    }

    /// <summary><c>{sha256(recipient|key)}@{sender domain}</c>: stable across attempts and dispatchers.</summary>
    public static string MessageIdOf(OutboxMessage message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        var at = from.LastIndexOf('@');
        var domain = at >= 0 ? from[(at + 1)..] : "rectifyflows.local";
        return OutboxRepository.RowKeyOf(message.RecipientId + "|" + message.IdempotencyKey) + "@" + domain;
    }

    private static string Html(string greeting, OutboxMessage message)
    {
        // A template's HTML (field table, links) when there is one; else the text, one paragraph per line.
        var paragraphs = message.Html ?? string.Concat(message.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => "<p>" + WebUtility.HtmlEncode(line.Trim()) + "</p>"));
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(message.Subject)}</title></head>
            <body style="font-family:'Microsoft YaHei','PingFang SC',sans-serif;line-height:1.6">
            <h3>{WebUtility.HtmlEncode(message.Subject)}</h3>
            {(greeting.Length > 0 ? "<p>" + WebUtility.HtmlEncode(greeting) + "</p>" : string.Empty)}
            {paragraphs}
            <p style="color:#888;font-size:12px">——整改督办系统（自动发送，请勿直接回复）</p>
            </body></html>
            """;
    }
}
