using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Auth;
using RectifyFlows.Storage.Auth;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// The per-key rate limit and the closed CORS of ADR 0010 in the Functions app, through its own triggers in the
/// Production composition: the same code as the standalone host's middleware, applied by <c>RouteTrigger</c>.
/// </summary>
[TestClass]
public sealed class HttpProtectionTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task RateLimit_RefusesABurstWith429AndRetryAfter_PerKey_WithoutTouchingOtherKeys()
    {
        var options = new FunctionsHarnessOptions { Durable = false };
        options.AppSettings["RectifyFlows__Http__PermitsPerSecond"] = "1";
        options.AppSettings["RectifyFlows__Http__Burst"] = "3";
        await using var app = await StartAppAsync(options);
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        string busy = ApiKeyStore.NewKey(), quiet = ApiKeyStore.NewKey();
        await keys.RegisterAsync(busy, "busy-operator", Roles.Operator, null, "test", Ct);
        await keys.RegisterAsync(quiet, "quiet-operator", Roles.Operator, null, "test", Ct);

        var statuses = new List<HarnessResponse>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add(await app.InvokeHttpAsync("GET", "/api/actions", new Dictionary<string, string> { ["X-Api-Key"] = busy }, cancellationToken: Ct));
        }

        var other = await app.InvokeHttpAsync("GET", "/api/actions", new Dictionary<string, string> { ["X-Api-Key"] = quiet }, cancellationToken: Ct);

        var limited = statuses.Where(r => r.Status == 429).ToList();
        Assert.IsNotEmpty(limited, string.Join("\n", statuses));
        Assert.IsTrue(statuses.Take(3).All(r => r.Status == 200), "the burst is admitted: " + string.Join("\n", statuses));
        Assert.IsTrue(limited[0].Headers.TryGetValue("Retry-After", out var retryAfter) && int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture) >= 1,
            "a 429 says when to retry");
        Assert.AreEqual("https://rectifyflows.dev/problems/rate-limited", limited[0].Json().GetProperty("type").GetString());
        Assert.AreEqual(200, other.Status, "another key has its own bucket: " + other);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Cors_IsClosedByDefault_AndAdmitsOnlyConfiguredOrigins()
    {
        var closedOptions = new FunctionsHarnessOptions { Durable = false };
        await using (var closed = await StartAppAsync(closedOptions))
        {
            var preflight = await closed.InvokeHttpAsync("OPTIONS", "/api/measures",
                new Dictionary<string, string> { ["Origin"] = "https://evil.example", ["Access-Control-Request-Method"] = "GET" }, cancellationToken: Ct);
            var simple = await closed.InvokeHttpAsync("GET", "/api/healthz", new Dictionary<string, string> { ["Origin"] = "https://evil.example" }, cancellationToken: Ct);

            Assert.AreEqual(204, preflight.Status, preflight.ToString());
            Assert.AreEqual("CorsPreflight", preflight.FunctionName);
            Assert.IsFalse(preflight.Headers.ContainsKey("Access-Control-Allow-Origin"), "no origin is allowed unless configured");
            Assert.IsFalse(simple.Headers.ContainsKey("Access-Control-Allow-Origin"));
        }

        var openOptions = new FunctionsHarnessOptions { Durable = false };
        openOptions.AppSettings["RectifyFlows__Http__CorsOrigins__0"] = "https://office.example";
        await using var open = await StartAppAsync(openOptions);
        var allowed = await open.InvokeHttpAsync("OPTIONS", "/api/measures",
            new Dictionary<string, string> { ["Origin"] = "https://office.example", ["Access-Control-Request-Method"] = "GET" }, cancellationToken: Ct);
        var actual = await open.InvokeHttpAsync("GET", "/api/healthz", new Dictionary<string, string> { ["Origin"] = "https://office.example" }, cancellationToken: Ct);
        var stranger = await open.InvokeHttpAsync("GET", "/api/healthz", new Dictionary<string, string> { ["Origin"] = "https://evil.example" }, cancellationToken: Ct);

        Assert.AreEqual("https://office.example", allowed.Headers.GetValueOrDefault("Access-Control-Allow-Origin"), allowed.ToString());
        StringAssert.Contains(allowed.Headers.GetValueOrDefault("Access-Control-Allow-Headers") ?? "", "X-Api-Key");
        Assert.AreEqual("https://office.example", actual.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
        Assert.IsFalse(stranger.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }
}
