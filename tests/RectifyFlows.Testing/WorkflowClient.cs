using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Testing;

/// <summary>
/// Drives the cycles of a running host over HTTP: start, poll, post signed inspection results. Shared by the host and
/// browser tests; an unexpected answer throws <see cref="HostCallFailedException"/>, which fails the calling test.
/// </summary>
public static class WorkflowClient
{
    /// <summary>The Fast profile's development secret (appsettings.Fast.json).</summary>
    public const string FastSecret = "fast-demo-webhook-secret";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> StartCycleAsync(HttpClient client, string kind, string period)
    {
        using var empty = new StringContent(string.Empty);
        var response = await client.PostAsync(new Uri($"api/cycles/{kind}/{period}", UriKind.Relative), empty);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls the cycle until <paramref name="done"/> holds for its status, or fails after the timeout.</summary>
    public static async Task<JsonNode> WaitForCycleAsync(HttpClient client, string kind, string period, Func<JsonNode, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(new Uri($"api/cycles/{kind}/{period}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (last["runtimeStatus"]!.GetValue<string>() == "Failed")
                {
                    throw new HostCallFailedException($"Cycle {kind}/{period} failed: {last}");
                }

                if (done(last))
                {
                    return last;
                }
            }

            await Task.Delay(500);
        }

        throw new HostCallFailedException($"Cycle {kind}/{period} did not reach the expected state in {timeout.TotalSeconds} s; last status: {last}");
    }

    public static Task<JsonNode> WaitForCompletionAsync(HttpClient client, string kind, string period, TimeSpan timeout) =>
        WaitForCycleAsync(client, kind, period, s => s["runtimeStatus"]!.GetValue<string>() == "Completed", timeout);

    /// <summary>Posts a body signed as api.md says; <paramref name="signature"/> overrides the header (for bad-signature cases).</summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(
        HttpClient client, string route, object body, string secret = FastSecret, string? signature = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Web);
        using var content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(route, UriKind.Relative)) { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, signature ?? WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, bytes));
        return await client.SendAsync(request);
    }

    public static object InspectionResult(string eventId, string month, string teamId, string unitId, params object[] findings) => new
    {
        eventId,
        month,
        teamId,
        unitId,
        inspectedAt = "2017-03-15T10:00:00+08:00",
        findings,
    };

    public static object Attendance(string personId, int days) => new
    {
        kind = "attendance",
        severity = "medium",
        personId,
        subject = $"第一书记驻村{days}天",
        detail = $"3月驻村{days}天，不足20天",
        daysOnSite = days,
    };

    public static object Finding(string kind, string severity, string subject) => new { kind, severity, subject, detail = subject + "（督查组现场核实）" };

    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await ExpectAsync(response, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new HostCallFailedException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: " +
                await response.Content.ReadAsStringAsync());
        }
    }
}
