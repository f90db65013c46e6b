using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RectifyFlows.Api.Auth;
using RectifyFlows.Storage.Auth;

namespace RectifyFlows.Functions.Tests;

/// <summary>The harness itself: the Production composition starts from the template's settings and answers through its own triggers.</summary>
[TestClass]
public sealed class FunctionsHarnessSmokeTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Harness_RoutesByTemplateAndMethod_AsTheFunctionsHostWould()
    {
        await using var app = await StartAppAsync();

        var health = await app.InvokeHttpAsync("GET", "/api/healthz", cancellationToken: Ct);
        var measures = await app.InvokeHttpAsync("GET", "/api/measures", cancellationToken: Ct);
        var getPlans = await app.InvokeHttpAsync("GET", "/api/plans", cancellationToken: Ct);
        var missing = await app.InvokeHttpAsync("GET", "/api/no-such-route", cancellationToken: Ct);
        var outside = await app.InvokeHttpAsync("GET", "/no-api-prefix", cancellationToken: Ct);

        Assert.AreEqual(200, health.Status, health.ToString());
        Assert.AreEqual("Health", health.FunctionName);
        Assert.AreEqual(401, measures.Status, measures.ToString());
        Assert.AreEqual(405, getPlans.Status, "plans takes POST only");
        Assert.AreEqual(405, missing.Status, "only the catch-all CORS preflight (OPTIONS {*path}) matches, as in the Functions host's routing");
        Assert.AreEqual(404, outside.Status);
        Assert.AreEqual("*/30 * * * * *", app.TimerSchedule("DispatchOutbox"), "the %NotificationDispatchSchedule% of the template");
        Assert.IsFalse(app.Log.AtLeast(LogLevel.Critical).Any(), string.Join('\n', app.Log.AtLeast(LogLevel.Warning)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Harness_StartsACycleThroughItsTrigger_AndTheFunctionsOrchestratorRunsOnTheRealEngine()
    {
        await using var app = await StartAppAsync();
        var key = ApiKeyStore.NewKey();
        await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync(key, "harness-operator", Roles.Operator, null, "test", Ct);
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key };

        var started = await app.InvokeHttpAsync("POST", "/api/cycles/quarterly/2026-Q1", headers, Encoding.UTF8.GetBytes("{}"), Ct);
        Assert.AreEqual(202, started.Status, started.ToString());
        var instanceId = started.Json().GetProperty("instanceId").GetString()!;
        var running = await app.DurableClient.WaitForInstanceStartAsync(instanceId, Ct);
        var status = await app.InvokeHttpAsync("GET", "/api/cycles/quarterly/2026-Q1", headers, cancellationToken: Ct);

        Assert.AreNotEqual(OrchestrationRuntimeStatus.Pending, running.RuntimeStatus);
        Assert.AreEqual(200, status.Status, status.ToString());
        Assert.AreEqual(instanceId, status.Json().GetProperty("instanceId").GetString());
    }
}
