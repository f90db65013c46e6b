using System.Text.Json;

namespace RectifyFlows.Notifications.Robots;

/// <summary>
/// WeCom and DingTalk robots answer HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c>; anything else is a failure, and an
/// errcode saying the robot does not exist (its key or token is invalid) is a permanent one.
/// </summary>
internal static class RobotReply
{
    public static async Task EnsureOkAsync(string service, HttpResponseMessage response, IReadOnlySet<int> invalidKeyCodes, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var shown = body.Length <= 500 ? body : body[..500];
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{service} answered {(int)response.StatusCode}: {shown}", null, response.StatusCode);
        }

        int? errcode = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value))
            {
                errcode = value;
            }
        }
        catch (JsonException)
        {
            // Not JSON: reported below.
        }

        if (errcode is { } rejected && invalidKeyCodes.Contains(rejected))
        {
            throw new PermanentDeliveryException($"{service} rejected the robot key: {shown}");
        }

        if (errcode != 0)
        {
            throw new HttpRequestException($"{service} rejected the message: {shown}");
        }
    }
}
