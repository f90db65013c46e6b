using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Tests;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Issue 11's "usable on first deploy", through the harness: the Functions app as composed in Production, configured by
/// the compiled template's app settings, with Key Vault references resolved (or not) by a fake vault.
/// </summary>
[TestClass]
public sealed class ProductionCompositionTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task BootstrapOperatorKey_FromKeyVault_OpensOperatorRoutes()
    {
        var key = "bootstrap-" + Guid.NewGuid().ToString("N");
        var options = new FunctionsHarnessOptions { Durable = false };
        options.KeyVault.Set("bootstrap-operator-key", key);
        await using var app = await StartAppAsync(options);

        var measures = await app.InvokeHttpAsync("GET", "/api/measures?overdue=true", KeyHeader(key), cancellationToken: Ct);
        var notifications = await app.InvokeHttpAsync("GET", "/api/notifications", KeyHeader(key), cancellationToken: Ct);
        var wrong = await app.InvokeHttpAsync("GET", "/api/measures", KeyHeader(key + "x"), cancellationToken: Ct);

        Assert.AreEqual(200, measures.Status, measures.ToString());
        Assert.AreEqual(200, notifications.Status, "an operator route: " + notifications);
        Assert.AreEqual(401, wrong.Status);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task UnsetSecrets_AreUnresolvedReferences_WhichOpenNothing_AndAreReportedAtStart()
    {
        await using var app = await StartAppAsync(new FunctionsHarnessOptions { Durable = false });
        var literal = app.AppSettings["RectifyFlows__Auth__BootstrapOperatorKey"];
        Assert.StartsWith("@Microsoft.KeyVault(", literal, "the template's reference, left as text by the platform");

        var withLiteral = await app.InvokeHttpAsync("GET", "/api/measures", KeyHeader(literal), cancellationToken: Ct);

        Assert.AreEqual(401, withLiteral.Status, "the reference's text is never a key");
        Assert.IsNull(app.Services.GetService<OutboxDispatcher>(), "no channel configured: no dispatcher");
        var warnings = app.Log.AtLeast(LogLevel.Warning).Select(e => e.Message).ToList();
        foreach (var setting in new[] { "RectifyFlows:Auth:BootstrapOperatorKey", "RectifyFlows:Webhooks:SigningSecret", "RectifyFlows:Notifications:WeCom:Key" })
        {
            Assert.IsTrue(warnings.Any(m => m.Contains(setting, StringComparison.Ordinal) && m.Contains("unresolved", StringComparison.Ordinal)),
                $"a start-up warning names {setting}:\n{string.Join('\n', warnings)}");
        }

        Assert.IsTrue(app.Log.AtLeast(LogLevel.Error).Any(e => e.Message.StartsWith("No notification channel is configured", StringComparison.Ordinal)),
            "Production without any channel logs an error");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Webhook_SignedWithTheUnresolvedReferenceAsKey_Gets401_AndWithTheRealSecretPassesTheSignature()
    {
        var body = Encoding.UTF8.GetBytes("""{"eventId":"evt-harness-0001","source":"hotline","leads":[]}""");
        await using (var unset = await StartAppAsync(new FunctionsHarnessOptions { Durable = false }))
        {
            var literal = unset.AppSettings["RectifyFlows__Webhooks__SigningSecret"];
            var forged = await unset.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(literal, body), body, Ct);
            Assert.AreEqual(401, forged.Status, forged.ToString());
        }

        const string secret = "webhook-signing-secret-of-the-harness-0123456789";
        var options = new FunctionsHarnessOptions { Durable = false };
        options.KeyVault.Set("webhook-signing-secret", secret);
        await using var set = await StartAppAsync(options);
        var genuine = await set.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(secret, body), body, Ct);
        var forgedAgain = await set.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(set.AppSettings["RectifyFlows__Notifications__WeCom__Key"], body), body, Ct);

        Assert.AreNotEqual(401, genuine.Status, "the resolved secret verifies: " + genuine);
        Assert.AreEqual(401, forgedAgain.Status);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task WeComRobotAlone_RunsTheDispatcher_AndTheTimerDeliversInWeComsWireFormat()
    {
        const string robotKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
        await using var wecom = await LocalHttpService.StartAsync(request =>
        {
            var problems = new List<string>();
            if (request.Method != "POST" || request.Path != "/cgi-bin/webhook/send" || !request.Query.Contains("key=" + robotKey, StringComparison.Ordinal))
            {
                problems.Add($"{request.Method} {request.Path}{request.Query}");
            }

            using var json = System.Text.Json.JsonDocument.Parse(request.Body);
            if (json.RootElement.GetProperty("msgtype").GetString() != "text")
            {
                problems.Add("msgtype");
            }

            return (problems, 200, """{"errcode":0,"errmsg":"ok"}""");
        }, Ct);
        var options = new FunctionsHarnessOptions { Durable = false };
        options.KeyVault.Set("wecom-robot-key", robotKey);
        options.AppSettings["RectifyFlows__Notifications__WeCom__BaseUrl"] = new Uri(wecom.BaseUrl, "/cgi-bin/webhook/send?key=").ToString();
        // Robots wait out 22:00–07:00 CST; the test must not depend on the hour it runs at.
        options.AppSettings["RectifyFlows__Notifications__QuietHours__Enabled"] = "false";
        await using var app = await StartAppAsync(options);
        Assert.IsNotNull(app.Services.GetService<OutboxDispatcher>(), "WeCom alone is a configured channel");

        await app.Services.GetRequiredService<OutboxRepository>().EnqueueAsync(
        [
            new OutboxMessage
            {
                IdempotencyKey = "harness|wecom|" + Guid.NewGuid().ToString("N"),
                RecipientId = "dept-fupin",
                RecipientName = "县扶贫办",
                Channel = "wecom",
                Address = "13812345678",
                Kind = "escalation1",
                Subject = "【到期督办·一级】措施p1-m1",
                Body = "整改事项今日到期，请督促完成。",
            },
        ], Ct);
        await app.InvokeTimerAsync("DispatchOutbox", cancellationToken: Ct);

        Assert.IsEmpty(wecom.Violations, string.Join('\n', wecom.Violations));
        Assert.HasCount(1, wecom.Accepted);
        Assert.IsTrue(app.Log.Entries.Any(e => e.Message == "Notification channels configured: wecom"), "the start-up names the configured channel");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task StartWithoutTablePermissions_KeepsTheWorkerAlive_AndHealthAt503()
    {
        // A table endpoint that refuses everything, as storage does before the identity's role has propagated.
        await using var refusing = await LocalHttpService.StartAsync(_ => ([], 403,
            """{"odata.error":{"code":"AuthorizationPermissionMismatch","message":{"lang":"en-US","value":"This request is not authorized to perform this operation using this permission."}}}"""), Ct);
        var options = new FunctionsHarnessOptions
        {
            Durable = false,
            StorageConnectionString = $"TableEndpoint={refusing.BaseUrl}devstoreaccount1;SharedAccessSignature=sv=2025-01-05&ss=t&srt=sco&sp=r&se=2099-01-01T00:00:00Z&sig=harness",
        };

        await using var app = await StartAppAsync(options);
        var first = await app.InvokeHttpAsync("GET", "/api/healthz", cancellationToken: Ct);
        var again = await app.InvokeHttpAsync("GET", "/api/healthz", cancellationToken: Ct);

        Assert.AreEqual(503, first.Status, first.ToString());
        Assert.Contains("start-up", first.Text);
        Assert.AreEqual(503, again.Status, "still answering, still unhealthy");
        Assert.IsTrue(app.Log.AtLeast(LogLevel.Error).Any(e => e.Message.StartsWith("Storage start-up failed", StringComparison.Ordinal)));
    }
}
