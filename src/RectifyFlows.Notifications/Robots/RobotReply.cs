using System.Text.Json;

namespace RectifyFlows.Notifications.Robots;

/// <summary>WeCom and DingTalk robots answer HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c>; anything else is a failure.</summary>
internal static class RobotReply
{
    public static async Task EnsureOkAsync(string service, HttpResponseMessage response, CancellationToken cancellationToken)
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

        if (errcode != 0)
        {
            throw new HttpRequestException($"{service} rejected the message: {shown}");
        }
    }
}
