using RectifyFlows.Domain.Actions;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Workflows.Common;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>The monthly inspect → bulletin → handle cycle on the real engine (Azure Storage provider on Azurite), Fast profile.</summary>
[TestClass]
public sealed class MonthlyCycleTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task MonthlyCycle_CollectsFourTeams_BulletinNamesTheBreach_AndOpensActions()
    {
        var host = await StartHostAsync(environment: "Fast");
        using var client = host.Client(TestKeys.Operator);

        var started = await StartCycleAsync(client, "monthly", "2017-03");
        Assert.AreEqual("monthly-2017-03", started.InstanceId);
        Assert.IsTrue(started.Created);
        await WaitForCycleAsync(client, "monthly", "2017-03", s => s.Phase == CyclePhases.Collecting, TimeSpan.FromSeconds(60));

        var before = await Ledger.SnapshotAsync(includeCycleTables: true);
        var forged = await PostSignedAsync(client, "api/webhooks/inspection-results",
            InspectionResult("forged-1", "2017-03", "team-1", "tw-shiyuan", Attendance("cad-0002", 3)), secret: "not-the-secret");
        var expired = await PostSignedAsync(client, "api/webhooks/inspection-results",
            InspectionResult("expired-1", "2017-03", "team-1", "tw-shiyuan"),
            signature: RectifyFlows.Domain.Webhooks.WebhookSignature.Sign(FastSecret, DateTimeOffset.UtcNow.AddMinutes(-10), [1]));
        Assert.AreEqual(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, expired.StatusCode);
        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true, message: "a badly signed post changed stored data");

        var posts = new[]
        {
            InspectionResult("r-2017-03-team-1", "2017-03", "team-1", "tw-shiyuan", Attendance("cad-0001", 15)),
            InspectionResult("r-2017-03-team-2", "2017-03", "team-2", "tw-meilin", Finding("project", "high", "扶贫项目长期停工")),
            InspectionResult("r-2017-03-team-3", "2017-03", "team-3", "dept-nongliang", Finding("work", "medium", "产业指导台账不全")),
            InspectionResult("r-2017-03-team-4", "2017-03", "team-4", "tw-hanfang"),
        };
        foreach (var post in posts)
        {
            var response = await PostSignedAsync(client, "api/webhooks/inspection-results", post);
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var replay = await PostSignedAsync(client, "api/webhooks/inspection-results", posts[0]);
        Assert.AreEqual(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.AreEqual("r-2017-03-team-1", JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());

        var done = await WaitForCompletionAsync(client, "monthly", "2017-03", TimeSpan.FromSeconds(120));
        Assert.AreEqual(CyclePhases.Done, done.Phase);
        Assert.AreEqual(4, done.TeamsReported);
        Assert.AreEqual(3, done.Findings, "two findings plus one attendance breach");

        var actions = (await client.ActionsAsync("source=monthly-ganxian-2017-03")).Select(a => (a.Kind, Unit: a.UnitId, Person: a.PersonId)).ToList();
        CollectionAssert.IsSubsetOf(
            new[] { (ActionKind.PublicCriticism, "tw-shiyuan", (string?)"cad-0001"), (ActionKind.AwardDisqualification, "tw-shiyuan", "cad-0001"), (ActionKind.CallIn, "tw-meilin", null) },
            actions);
        Assert.AreEqual(actions.Count, done.ActionsOpened);

        var report = await ReportAsync(client, "monthly", "2017-03");
        var summary = report.Figures;
        Assert.AreEqual("4", summary["督查组报送结果"]);
        Assert.AreEqual("1", summary["驻村不足20天"]);
        Assert.AreEqual("2", summary["发现问题"]);
        var breachTable = report.Tables.Single(t => t.Heading.Contains("驻村干部考勤", StringComparison.Ordinal));
        Assert.AreEqual("cad-0001", breachTable.Rows[0][0]);
        Assert.AreEqual("15", breachTable.Rows[0][2]);

        using var html = await client.GetAsync(new Uri("api/reports/monthly/2017-03", UriKind.Relative), Ct);
        var page = await html.Content.ReadAsStringAsync(Ct);
        Assert.AreEqual("text/html", html.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(page, "脱贫攻坚督查情况通报");
        StringAssert.Contains(page, "cad-0001");
        StringAssert.Contains(page, "<svg");

        var again = await StartCycleAsync(client, "monthly", "2017-03");
        Assert.AreEqual("monthly-2017-03", again.InstanceId);
        Assert.IsFalse(again.Created, "starting the same cycle again creates no second instance");

        var requests = await client.NotificationsAsync($"kind={NotificationTemplates.InspectionRequest}");
        Assert.HasCount(4, requests, "one inspection request per team");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task MonthlyCycle_SurvivesKillMinus9WhileCollecting_LosingNoResultAndDoublingNoMessage()
    {
        var host = await StartHostAsync(environment: "Fast",
            settings: new Dictionary<string, string> { ["RectifyFlows__Workflows__InspectionWindow"] = "00:05:00" });
        using (var client = host.Client(TestKeys.Operator))
        {
            await StartCycleAsync(client, "monthly", "2017-04");
            await WaitForCycleAsync(client, "monthly", "2017-04", s => s.Phase == CyclePhases.Collecting, TimeSpan.FromSeconds(60));
            foreach (var team in new[] { "team-1", "team-2" })
            {
                var response = await PostSignedAsync(client, "api/webhooks/inspection-results",
                    InspectionResult($"r-2017-04-{team}", "2017-04", team, "tw-shiyuan", Finding("work", "low", $"{team} 发现的问题")));
                Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
            }

            await WaitForCycleAsync(client, "monthly", "2017-04", s => s.TeamsReported == 2, TimeSpan.FromSeconds(60));
        }

        await host.KillAsync();
        await host.DisposeAsync();
        host = await StartHostAsync(environment: "Fast",
            settings: new Dictionary<string, string> { ["RectifyFlows__Workflows__InspectionWindow"] = "00:05:00" });

        using var after = host.Client(TestKeys.Operator);
        foreach (var team in new[] { "team-3", "team-4" })
        {
            var response = await PostSignedAsync(after, "api/webhooks/inspection-results",
                InspectionResult($"r-2017-04-{team}", "2017-04", team, "tw-meilin", Finding("work", "low", $"{team} 发现的问题")));
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await WaitForCompletionAsync(after, "monthly", "2017-04", TimeSpan.FromSeconds(120));
        Assert.AreEqual(4, done.TeamsReported, "the cycle continued after the kill and counted every team");
        var report = await ReportAsync(after, "monthly", "2017-04");
        var found = report.Tables[0].Rows.Select(r => r[4]).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "team-1 发现的问题", "team-2 发现的问题", "team-3 发现的问题", "team-4 发现的问题" }, found);

        var messages = await after.NotificationsAsync();
        var requests = messages.Where(m => m.Kind == NotificationTemplates.InspectionRequest).ToList();
        Assert.HasCount(4, requests, "no inspection request was written twice");
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        Assert.AreEqual(keys.Count, keys.Distinct().Count());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task MonthlyCycle_RetriedBulletinActivity_WritesNoMessageTwice()
    {
        var host = await StartHostAsync(environment: "Fast", settings: new Dictionary<string, string>
        {
            ["RectifyFlows__Testing__FailOnceAfterEnqueue"] = "bulletin",
            ["RectifyFlows__Workflows__InspectionWindow"] = "00:00:05",
        });
        using var client = host.Client(TestKeys.Operator);
        await StartCycleAsync(client, "monthly", "2017-05");
        await PostSignedAsync(client, "api/webhooks/inspection-results",
            InspectionResult("r-2017-05-team-1", "2017-05", "team-1", "tw-shiyuan", Finding("funds", "high", "资金拨付滞后")));

        var done = await WaitForCompletionAsync(client, "monthly", "2017-05", TimeSpan.FromSeconds(120));

        Assert.AreEqual(CyclePhases.Done, done.Phase);
        StringAssert.Contains(host.Output, "Injected failure after writing");
        var bulletins = await client.NotificationsAsync($"kind={NotificationTemplates.Bulletin}");
        var recipients = bulletins.Select(m => m.RecipientId).ToList();
        Assert.IsTrue(recipients.Count >= 2, "the bulletin went to the named unit and the district office");
        Assert.AreEqual(recipients.Count, recipients.Distinct().Count(), "the retried activity wrote no bulletin twice");
    }
}
