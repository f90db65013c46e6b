using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Dispatch;

namespace RectifyFlows.Notifications.Sms;

/// <summary>
/// SMS through Twilio's Messages resource: <c>POST {base}/2010-04-01/Accounts/{sid}/Messages.json</c>, form fields
/// To, From (or MessagingServiceSid) and Body, HTTP basic auth AccountSid:AuthToken.
/// </summary>
/// <remarks>
/// Plain HttpClient, not the Twilio NuGet client: that client builds its URLs from a fixed
/// <c>https://{product}.twilio.com</c> domain (only region/edge vary), so pointing it at a local test server would
/// take a URL-rewriting HTTP client shim. The wire format here is the documented one and is tested against a local
/// server that checks it.
/// </remarks>
public sealed class TwilioSmsChannel(IHttpClientFactory http, IOptions<NotificationOptions> options, ILogger<TwilioSmsChannel> logger)
    : INotificationChannel
{
    public const string ChannelName = ContactChannels.Sms;

    /// <summary>21211 invalid 'To' number, 21614 'To' is not a mobile number: the number will never take an SMS.</summary>
    public static readonly IReadOnlySet<int> InvalidNumberCodes = new HashSet<int> { 21211, 21614 };

    public string Name => ChannelName;

    public bool IsConfigured => options.Value.Twilio.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var twilio = options.Value.Twilio;
        var text = SmsText.Of(message);
        var fields = new List<KeyValuePair<string, string>> { new("To", message.Address!) };
        fields.Add(string.IsNullOrEmpty(twilio.MessagingServiceSid)
            ? new("From", twilio.From!)
            : new("MessagingServiceSid", twilio.MessagingServiceSid));
        fields.Add(new("Body", text));

        var url = new Uri(twilio.BaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        SmsLog.Sending(logger, "Twilio", message, text);

        await SmsPost.SendAsync(http, nameof(TwilioSmsChannel), twilio.Timeout, request, Refused, cancellationToken);
    }

    /// <summary>Twilio's error body is <c>{code, message, more_info}</c>: a number that will never take an SMS fails for good.</summary>
    private static Exception Refused(HttpStatusCode status, string body) =>
        status == HttpStatusCode.BadRequest && ErrorCodeOf(body) is { } code && InvalidNumberCodes.Contains(code)
            ? new PermanentDeliveryException($"Twilio rejected the number ({code}): {SmsPost.Truncate(body)}")
            : new HttpRequestException($"Twilio answered {(int)status}: {SmsPost.Truncate(body)}", null, status);

    private static int? ErrorCodeOf(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
