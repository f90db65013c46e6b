using Azure.Data.Tables;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// Retention on the real engine and store: old webhook event ids, completed ladders of closed items and delivered
/// messages are purged by the <c>purge</c> verb; a completed ladder and the sent messages of an item still open are
/// kept. Sizes are reported by the operator route and the <c>sizes</c> verb.
/// </summary>
[TestClass]
public sealed class RetentionTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Purge_RemovesWhatIsPastRetention_AndKeepsWhatAnOpenItemNeeds_SizesAreReported()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var document = TestPlans.District(1);
        foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            measure!.DueDate = today.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // m3 is long overdue: its ladder fires level 3 at once and completes while the measure stays open.
        document.Categories![0]!.Problems![0]!.Measures![2]!.DueDate = "2020-01-10";
        var settings = new Dictionary<string, string>(TestKeys.UnitKeySettings()) { ["RectifyFlows__Seed__Enabled"] = "false" };
        var hub = new TaskHub(Ledger.ConnectionString, "hub" + Ledger.Prefix);
        var host = await StartHostAsync(settings);
        using var office = host.Client(TestKeys.Operator);
        using var unit = host.Client(TestKeys.Fupin);
        Assert.AreEqual(HttpStatusCode.Created, (await office.PostJsonAsync("api/plans", TestPlans.ToJson(document))).StatusCode);
        // m1 is closed by its evidence: its ladder ends.
        Assert.AreEqual(HttpStatusCode.OK, (await unit.PostJsonAsync("api/measures/d001-p1-m1/evidence",
            new { text = "已完成", effectiveDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).StatusCode);
        await hub.WaitForStatusAsync("escalation-measure-d001-p1-m1", "Completed", TimeSpan.FromSeconds(90));
        await hub.WaitForStatusAsync("escalation-measure-d001-p1-m3", "Completed", TimeSpan.FromSeconds(90));
        var now = DateTimeOffset.UtcNow;
        foreach (var instance in new[] { "escalation-measure-d001-p1-m1", "escalation-measure-d001-p1-m3" })
        {
            await hub.AgeAsync(instance, now.AddDays(-100));
        }

        var webhookEvents = new TableClient(Ledger.ConnectionString, Ledger.Prefix + "WebhookEvents");
        await webhookEvents.AddEntityAsync(new TableEntity("evt-old", "inspection-results") { ["Status"] = 202, ["Body"] = "{}", ["ReceivedAt"] = now.AddDays(-40) });
        await webhookEvents.AddEntityAsync(new TableEntity("evt-new", "inspection-results") { ["Status"] = 202, ["Body"] = "{}", ["ReceivedAt"] = now.AddDays(-1) });
        var outbox = new TableClient(Ledger.ConnectionString, Ledger.Prefix + "Outbox");
        await AddMessageAsync(outbox, "closed-item", "escalation|measure|d001-p1-m1|2026-01-01|level1|d001-dept-fupin|email", "sent", now.AddDays(-400));
        await AddMessageAsync(outbox, "open-item", "escalation|measure|d001-p1-m2|2026-01-01|level1|d001-dept-fupin|email", "sent", now.AddDays(-400));
        await AddMessageAsync(outbox, "old-bulletin", "bulletin|2017-03|d001-dept-fupin|email", "sent", now.AddDays(-400));
        await AddMessageAsync(outbox, "recent", "bulletin|2026-11|d001-dept-fupin|email", "sent", now.AddDays(-3));
        await AddMessageAsync(outbox, "waiting", "bulletin|2017-04|d001-dept-fupin|email", "pending", null);

        var (exitCode, output) = await RunVerbAsync(["purge"], settings);
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, "Purged 1 webhook event(s), 1 orchestration(s), 2 sent message(s); kept 2 for open items.", output);

        Assert.IsFalse((await webhookEvents.GetEntityIfExistsAsync<TableEntity>("evt-old", "inspection-results")).HasValue, "past the webhook retention");
        Assert.IsTrue((await webhookEvents.GetEntityIfExistsAsync<TableEntity>("evt-new", "inspection-results")).HasValue, "inside the replay window");
        Assert.IsNull(await hub.StatusAsync("escalation-measure-d001-p1-m1"), "the closed measure's completed ladder is purged");
        Assert.AreEqual("Completed", await hub.StatusAsync("escalation-measure-d001-p1-m3"), "an open measure's ladder is kept");
        var left = new List<string>();
        await foreach (var row in outbox.QueryAsync<TableEntity>(e => e.PartitionKey == "retention-test"))
        {
            left.Add(row.RowKey);
        }

        CollectionAssert.AreEquivalent(new[] { "open-item", "recent", "waiting" }, left,
            "the sent message of an open item is what keeps a rebuilt ladder from sending it again");
        var audit = new TableClient(Ledger.ConnectionString, Ledger.Prefix + "OperationsLog");
        var purges = audit.QueryAsync<TableEntity>(e => e.PartitionKey == $"retention|{now:yyyy-MM}");
        Assert.IsTrue(await purges.AnyAsync(r => r.GetString("Actor")!.StartsWith("cli:", StringComparison.Ordinal)), "the purge left an audit row");

        var sizes = await office.GetAsync(new Uri("api/operations/sizes", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, sizes.StatusCode, await sizes.Content.ReadAsStringAsync());
        var tables = JsonNode.Parse(await sizes.Content.ReadAsStringAsync())!["tables"]!.AsArray();
        Assert.IsGreaterThan(0L, tables.Single(t => t!["table"]!.GetValue<string>() == "Ledger")!["rows"]!.GetValue<long>());
        Assert.IsGreaterThanOrEqualTo(1L, tables.Single(t => t!["table"]!.GetValue<string>() == "Outbox")!["byStatus"]!["pending"]!.GetValue<long>(),
            "the waiting messages, by status (no relay in the test host)");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await unit.GetAsync(new Uri("api/operations/sizes", UriKind.Relative))).StatusCode, "operators only");
        var (sizesCode, sizesOutput) = await RunVerbAsync(["sizes"], settings);
        Assert.AreEqual(0, sizesCode, sizesOutput);
        StringAssert.Contains(sizesOutput, "TaskHub:Instances", sizesOutput);
    }

    private static Task<Azure.Response> AddMessageAsync(TableClient outbox, string rowKey, string idempotencyKey, string status, DateTimeOffset? sentAt) =>
        outbox.AddEntityAsync(new TableEntity("retention-test", rowKey)
        {
            ["Kind"] = "bulletin",
            ["Status"] = status,
            ["Channel"] = "email",
            ["Attempts"] = 1,
            ["SentAt"] = sentAt,
            ["Json"] = new JsonObject
            {
                ["idempotencyKey"] = idempotencyKey, ["recipientId"] = "retention-test", ["kind"] = "bulletin",
                ["subject"] = "通报", ["body"] = "正文", ["status"] = status,
            }.ToJsonString(),
        });
}
