using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// Runs <c>docs/http/rectifyflows.http</c> top to bottom against a development host, as a reader would with an HTTP
/// client: every request must answer below 400 (or what its <c># expect:</c> line allows). Webhook bodies are signed
/// here, where the reader pastes the output of the <c>sign</c> verb. (The Functions app runs the same file through its
/// own triggers in <c>tests/RectifyFlows.Functions.Tests/HostParityTests.cs</c>.)
/// </summary>
[TestClass]
public sealed class HttpFileTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task HttpFile_EveryExampleWorks_AgainstAFreshDevelopmentHost()
    {
        var prefix = LedgerFixture.NewPrefix();
        await using var ledger = await LedgerFixture.CreateAsync(prefix: prefix);
        await using var host = await HostProcess.StartAsync(prefix);
        var requests = HttpFile.Read(host.BaseAddress.ToString().TrimEnd('/'));
        Assert.IsGreaterThanOrEqualTo(20, requests.Count, "the file covers the routes");

        using var client = host.Client();
        var failures = new List<string>();
        foreach (var example in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), new Uri(example.Url));
            var contentType = "application/json";
            foreach (var (name, value) in example.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else if (name != WebhookSignature.HeaderName)
                {
                    request.Headers.Add(name, value);
                }
            }

            if (example.Body is not null)
            {
                request.Content = new ByteArrayContent(example.Body) { Headers = { ContentType = new(contentType) } };
            }

            if (example.Headers.Any(h => h.Name == WebhookSignature.HeaderName))
            {
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(TestKeys.WebhookSecret, DateTimeOffset.UtcNow, example.Body ?? []));
            }

            using var response = await client.SendAsync(request, TestContext.CancellationToken);
            var status = (int)response.StatusCode;
            TestContext.WriteLine($"{status} {example.Method} {example.Url}");
            if (!example.Allows(status))
            {
                failures.Add($"{example.Method} {example.Url} → {status}: {await response.Content.ReadAsStringAsync(TestContext.CancellationToken)}");
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }
}
