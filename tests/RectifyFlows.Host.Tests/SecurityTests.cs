using System.Diagnostics;
using System.Net.Http.Json;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The intake API's protections against the running host: per-key rate limits, closed CORS, key rotation and
/// revocation through the <c>keys</c> command, no keys or contact details in the logs, and the OpenAPI document.
/// </summary>
[TestClass]
public sealed class SecurityTests : DistrictHostTests
{
    protected override DistrictHostOptions HostOptions => new(
        new Dictionary<string, string>
        {
            ["RectifyFlows__Http__PermitsPerSecond"] = "2",
            ["RectifyFlows__Http__Burst"] = "10",
            ["RectifyFlows__Auth__CacheSeconds"] = "0",
        }, ImportDistrict: false);

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task RateLimit_RefusesABurstWith429_PerKey_WithoutTouchingOtherKeys()
    {
        using var busy = Host.Client(TestKeys.Shiyuan);
        using var quiet = Host.Client(TestKeys.Fupin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => busy.GetAsync(new Uri("api/actions", UriKind.Relative))));
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.IsNotEmpty(limited, "30 requests at once exceed a burst of 10");
        Assert.IsTrue(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= 10, "the burst itself is served");
        Assert.AreEqual("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(limited[0].Headers.RetryAfter is not null, "a 429 says when to retry");
        StringAssert.EndsWith(JsonNode.Parse(await limited[0].Content.ReadAsStringAsync(Ct))!["type"]!.GetValue<string>(), "/rate-limited");
        Assert.AreEqual(HttpStatusCode.OK, (await quiet.GetAsync(new Uri("api/actions", UriKind.Relative), Ct)).StatusCode,
            "another key has its own bucket");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task Cors_IsClosedByDefault_NoAllowOriginForAnyOrigin()
    {
        using var client = Host.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("api/measures", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "X-Api-Key");
        var response = await client.SendAsync(preflight, Ct);

        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"), "no origin is allowed unless configured");

        using var simple = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        simple.Headers.Add("Origin", "https://evil.example");
        Assert.IsFalse((await client.SendAsync(simple, Ct)).Headers.Contains("Access-Control-Allow-Origin"));
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

        using var old = Host.Client(first);
        using var @new = Host.Client(second);
        Assert.AreEqual(HttpStatusCode.OK, (await old.GetAsync(new Uri("api/actions", UriKind.Relative), Ct)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await @new.GetAsync(new Uri("api/actions", UriKind.Relative), Ct)).StatusCode);

        var (listing, _) = await KeysAsync(["list", "--principal", principal]);
        var oldKeyId = RectifyFlows.Storage.Auth.ApiKeyStore.KeyId(RectifyFlows.Storage.Auth.ApiKeyStore.Hash(first));
        StringAssert.Contains(listing, oldKeyId);
        Assert.IsFalse(listing.Contains(first, StringComparison.Ordinal), "the listing never shows a key");
        await KeysAsync(["revoke", "--principal", principal, "--key-id", oldKeyId]);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await old.GetAsync(new Uri("api/actions", UriKind.Relative), Ct)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await @new.GetAsync(new Uri("api/actions", UriKind.Relative), Ct)).StatusCode);
        await KeysAsync(["issue", "--role", "operator", "--principal", principal]);

        // Every issue and the revocation left an audit row naming who ran the command, with the key id, never the key.
        var audits = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in Host.Ledger.Tables.ApiKeys.QueryAsync<Azure.Data.Tables.TableEntity>(
            e => e.PartitionKey == "principal|" + principal, cancellationToken: Ct))
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
        using var office = Host.Client(TestKeys.Operator);
        using var stranger = Host.Client("rf_this-key-does-not-exist-0123456789");
        await stranger.GetAsync(new Uri("api/actions", UriKind.Relative), Ct);
        var put = await office.PutAsJsonAsync(new Uri("api/units/tw-shiyuan", UriKind.Relative),
            new { contacts = new[] { new { name = "石院乡党政办", email = "shiyuan-secret@example.gov.cn", mobile = "13912345678" } } }, Ct);
        Assert.AreEqual(HttpStatusCode.OK, put.StatusCode, Host.Process.Output[^Math.Min(6000, Host.Process.Output.Length)..]);
        await Task.Delay(500, Ct);

        var output = Host.Process.Output;
        foreach (var secret in new[] { TestKeys.Operator, "rf_this-key-does-not-exist", "shiyuan-secret@example.gov.cn", "13912345678" })
        {
            Assert.IsFalse(output.Contains(secret, StringComparison.Ordinal), $"the log holds '{secret}'");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task OpenApi_DocumentListsTheRoutes_AndTheKeyScheme()
    {
        using var client = Host.Client();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[] { "/api/plans", "/api/measures/{measureId}/progress", "/api/units/{unitId}", "/api/webhooks/inspection-results", "/api/notifications" })
        {
            CollectionAssert.Contains(paths, route);
        }

        Assert.AreEqual("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(new Uri("scalar", UriKind.Relative), Ct)).StatusCode,
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
        start.Environment["RectifyFlows__Storage__TablePrefix"] = Host.Prefix;
        start.Environment["RectifyFlows__DevServices__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.AreEqual(expectExit, process.ExitCode, await error);
        return (await output, await error);
    }
}
