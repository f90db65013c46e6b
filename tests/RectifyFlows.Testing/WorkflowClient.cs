using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Testing;

/// <summary>
/// Drives the cycles of a running host over HTTP: start, poll (as <see cref="CycleStatusView"/>), read the archived
/// report (as <see cref="ReportView"/>), post signed inspection results. The records the cycles leave (actions,
/// messages) are read with <see cref="RecordsApi"/>. Shared by the host and browser tests; an unexpected answer throws <see cref="HostCallFailedException"/>, which fails the calling test.
/// </summary>
public static class WorkflowClient
{
    /// <summary>The Fast profile's development secret (appsettings.Fast.json).</summary>
    public const string FastSecret = "fast-demo-webhook-secret";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The cycle status's runtime status is the durable engine's enum by name.</summary>
    private static readonly JsonSerializerOptions CycleJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>POST api/cycles/{kind}/{period}: starts the cycle (or finds it started); expects 202.</summary>
    public static async Task<CycleStarted> StartCycleAsync(HttpClient client, string kind, string period)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var empty = new StringContent(string.Empty);
        var response = await client.PostAsync(new Uri($"api/cycles/{kind}/{period}", UriKind.Relative), empty);
        await response.ExpectAsync(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<CycleStarted>(Web))!;
    }

    /// <summary>Polls the cycle until <paramref name="done"/> holds for its status, or fails after the timeout or when the cycle failed.</summary>
    public static async Task<CycleStatusView> WaitForCycleAsync(
        HttpClient client, string kind, string period, Func<CycleStatusView, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(new Uri($"api/cycles/{kind}/{period}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.Content.ReadAsStringAsync();
                var status = JsonSerializer.Deserialize<CycleStatusView>(last, CycleJson)!;
                if (status.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
                {
                    throw new HostCallFailedException($"Cycle {kind}/{period} failed: {last}");
                }

                if (done(status))
                {
                    return status;
                }
            }

            await Task.Delay(500);
        }

        throw new HostCallFailedException($"Cycle {kind}/{period} did not reach the expected state in {timeout.TotalSeconds} s; last status: {last}");
    }

    public static Task<CycleStatusView> WaitForCompletionAsync(HttpClient client, string kind, string period, TimeSpan timeout) =>
        WaitForCycleAsync(client, kind, period, s => s.RuntimeStatus == OrchestrationRuntimeStatus.Completed, timeout);

    /// <summary>GET api/reports/{kind}/{period}?format=json, of <paramref name="office"/> or the key's default office; expects 200.</summary>
    public static async Task<ReportView> ReportAsync(HttpClient client, string kind, string period, string? office = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = office is null ? "format=json" : $"office={office}&format=json";
        var response = await client.GetAsync(new Uri($"api/reports/{kind}/{period}?{query}", UriKind.Relative));
        await response.ExpectAsync(HttpStatusCode.OK);
        return ReportView.Parse(await response.Content.ReadAsStringAsync());
    }

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
}
