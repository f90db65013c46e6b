using System.Net;

namespace RectifyFlows.Notifications.Sms;

/// <summary>The one way an SMS provider's request is sent: the channel's named client and timeout, and a refusal turned into the exception the dispatcher records.</summary>
internal static class SmsPost
{
    /// <param name="http">The client factory.</param>
    /// <param name="client">The named client (the channel's type name).</param>
    /// <param name="timeout">The provider's configured timeout.</param>
    /// <param name="request">The provider's request.</param>
    /// <param name="refused">The exception for a non-success status and the provider's answer (which can echo the number: it goes to LastError, not the log).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task SendAsync(
        IHttpClientFactory http, string client, TimeSpan timeout, HttpRequestMessage request, Func<HttpStatusCode, string, Exception> refused,
        CancellationToken cancellationToken)
    {
        using var sms = http.CreateClient(client);
        sms.Timeout = timeout;
        using var response = await sms.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw refused(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    /// <summary>A provider's answer as quoted in an error: at most 500 characters.</summary>
    public static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
