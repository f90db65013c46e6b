using System.Diagnostics;
using System.Net.Http.Json;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The intake API's protections against the running host: per-key rate limits, closed CORS, key rotation and
/// revocation through the <c>keys</c> command, no keys or contact details in the logs, and the OpenAPI document.
/// </summary>
[TestClass]
public sealed class SecurityTests
{
    private static DistrictHost _host = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        var settings = new Dictionary<string, string>
        {
            ["RectifyFlows__Http__PermitsPerSecond"] = "2",
            ["RectifyFlows__Http__Burst"] = "10",
            ["RectifyFlows__Auth__CacheSeconds"] = "0",
        };
        _host = await DistrictHost.StartAsync(settings, importDistrict: false);
    }

    [ClassCleanup]
    public static Task StopAsync() => _host.DisposeAsync().AsTask();

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task RateLimit_RefusesABurstWith429_PerKey_WithoutTouchingOtherKeys()
    {
        using var busy = _host.Client(TestKeys.Shiyuan);
        using var quiet = _host.Client(TestKeys.Fupin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => busy.GetAsync(new Uri("api/actions", UriKind.Relative))));
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.IsNotEmpty(limited, "30 requests at once exceed a burst of 10");
        Assert.IsTrue(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= 10, "the burst itself is served");
        Assert.AreEqual("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(limited[0].Headers.RetryAfter is not null, "a 429 says when to retry");
        StringAssert.EndsWith(JsonNode.Parse(await limited[0].Content.ReadAsStringAsync(TestContext.CancellationToken))!["type"]!.GetValue<string>(), "/rate-limited");
        Assert.AreEqual(HttpStatusCode.OK, (await quiet.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken)).StatusCode,
            "another key has its own bucket");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task Cors_IsClosedByDefault_NoAllowOriginForAnyOrigin()
    {
        using var client = _host.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("api/measures", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "X-Api-Key");
        var response = await client.SendAsync(preflight, TestContext.CancellationToken);

        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"), "no origin is allowed unless configured");

        using var simple = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        simple.Headers.Add("Origin", "https://evil.example");
        Assert.IsFalse((await client.SendAsync(simple, TestContext.CancellationToken)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task Keys_RotateWithTwoActiveKeys_AThirdIsRefused_RevokedKeyIs401()
    {
        const string principal = "rotation-office";
        var first = IssuedKey(await KeysAsync(["issue", "--role", "operator", "--principal", principal]));
        var second = IssuedKey(await KeysAsync(["issue", "--role", "operator", "--principal", principal]));
        var third = await KeysAsync(["issue", "--role", "operator", "--principal", principal], expectExit: 1);
        StringAssert.Contains(third.Error, "revoke one");

        using var old = _host.Client(first);
        using var @new = _host.Client(second);
        Assert.AreEqual(HttpStatusCode.OK, (await old.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await @new.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken)).StatusCode);

        var (listing, _) = await KeysAsync(["list", "--principal", principal]);
        var oldKeyId = RectifyFlows.Storage.Auth.ApiKeyStore.KeyId(RectifyFlows.Storage.Auth.ApiKeyStore.Hash(first));
        StringAssert.Contains(listing, oldKeyId);
        Assert.IsFalse(listing.Contains(first, StringComparison.Ordinal), "the listing never shows a key");
        await KeysAsync(["revoke", "--principal", principal, "--key-id", oldKeyId]);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await old.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await @new.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken)).StatusCode);
        await KeysAsync(["issue", "--role", "operator", "--principal", principal]);

        // Every issue and the revocation left an audit row naming who ran the command, with the key id, never the key.
        var audits = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in _host.Ledger.Tables.ApiKeys.QueryAsync<Azure.Data.Tables.TableEntity>(
            e => e.PartitionKey == "principal|" + principal, cancellationToken: TestContext.CancellationToken))
        {
            if (row.RowKey.StartsWith("~audit|", StringComparison.Ordinal))
            {
                audits.Add(row);
            }
        }

        CollectionAssert.AreEquivalent(new[] { "key.issued", "key.issued", "key.revoked", "key.issued" }, audits.Select(a => a.GetString("Action")).ToArray());
        Assert.IsTrue(audits.All(a => a.GetString("Actor").StartsWith("cli:", StringComparison.Ordinal)));
        Assert.IsFalse(audits.Any(a => string.Join('|', ((IDictionary<string, object>)a).Values).Contains(first, StringComparison.Ordinal)), "the key itself is never stored");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task Logs_NeverHoldKeysOrContactDetails()
    {
        using var office = _host.Client(TestKeys.Operator);
        using var stranger = _host.Client("rf_this-key-does-not-exist-0123456789");
        await stranger.GetAsync(new Uri("api/actions", UriKind.Relative), TestContext.CancellationToken);
        var put = await office.PutAsJsonAsync(new Uri("api/units/tw-shiyuan", UriKind.Relative),
            new { contacts = new[] { new { name = "石院乡党政办", email = "shiyuan-secret@example.gov.cn", mobile = "13912345678" } } }, TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, _host.Process.Output[^Math.Min(6000, _host.Process.Output.Length)..]);
        await Task.Delay(500, TestContext.CancellationToken);

        var output = _host.Process.Output;
        foreach (var secret in new[] { TestKeys.Operator, "rf_this-key-does-not-exist", "shiyuan-secret@example.gov.cn", "13912345678" })
        {
            Assert.IsFalse(output.Contains(secret, StringComparison.Ordinal), $"the log holds '{secret}'");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task OpenApi_DocumentListsTheRoutes_AndTheKeyScheme()
    {
        using var client = _host.Client();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.CancellationToken))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[] { "/api/plans", "/api/measures/{measureId}/progress", "/api/units/{unitId}", "/api/webhooks/inspection-results", "/api/notifications" })
        {
            CollectionAssert.Contains(paths, route);
        }

        Assert.AreEqual("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(new Uri("scalar", UriKind.Relative), TestContext.CancellationToken)).StatusCode,
            "the Scalar page is served in Development");
    }

    /// <summary>The key the verb printed (its stdout also carries the host's console log lines).</summary>
    private static string IssuedKey((string Output, string Error) run) =>
        run.Output.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("rf_", StringComparison.Ordinal));

    /// <summary>Runs <c>RectifyFlows.Host keys …</c> against this test's storage; returns stdout and stderr.</summary>
    private async Task<(string Output, string Error)> KeysAsync(string[] args, int expectExit = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostProcess.HostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostProcess.HostDll);
        start.ArgumentList.Add("keys");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["RectifyFlows__Storage__ConnectionString"] = await TestStorage.ConnectionStringAsync();
        start.Environment["RectifyFlows__Storage__TablePrefix"] = _host.Prefix;
        start.Environment["RectifyFlows__DevServices__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await process.WaitForExitAsync(TestContext.CancellationToken);
        Assert.AreEqual(expectExit, process.ExitCode, await error);
        return (await output, await error);
    }
}
