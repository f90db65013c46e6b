using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace RectifyFlows.Notifications.Robots;

/// <summary>The one way a message reaches a group robot (WeCom, DingTalk): its JSON posted, Chinese unescaped, and the reply checked by <see cref="RobotReply"/>.</summary>
internal static class RobotPost
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="http">The client factory.</param>
    /// <param name="client">The named client (the channel's type name).</param>
    /// <param name="timeout">The channel's configured timeout.</param>
    /// <param name="url">The robot's webhook address, key or token included.</param>
    /// <param name="payload">The message in the robot's format.</param>
    /// <param name="service">The service named in errors ("WeCom", "DingTalk").</param>
    /// <param name="invalidKeyCodes">The robot's errcodes that mean its key or token is invalid (a permanent failure).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task SendAsync(
        IHttpClientFactory http, string client, TimeSpan timeout, Uri url, object payload, string service, IReadOnlySet<int> invalidKeyCodes,
        CancellationToken cancellationToken)
    {
        using var robot = http.CreateClient(client);
        robot.Timeout = timeout;
        using var content = JsonContent.Create(payload, payload.GetType(), options: Json);
        using var response = await robot.PostAsync(url, content, cancellationToken);
        await RobotReply.EnsureOkAsync(service, response, invalidKeyCodes, cancellationToken);
    }
}
