using RectifyFlows.Domain.Actions;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// Cycles per issuing office, end to end on the real engine (Fast profile): the format-2 example plan of a township
/// office (石芫乡, answering the province's effectiveness assessment; two lead units on a measure, 各村支部 responsible)
/// imported next to the seed runs a month, a week and a quarter with its own reports, and the seed district's reports
/// are the same, figure for figure, as on a ledger without it. Attendance reported by a township is judged in the next
/// month's cycle like a team's finding, with recall on the second month.
/// </summary>
[TestClass]
public sealed class OfficeCyclesTests
{
    private const string District = "ganxian";
    private const string Township = "tw-shiyuan";
    private const string TownshipUnitKey = "test-unit-sy-fupin";
    private static readonly (string Kind, string Period)[] Periods = [("monthly", "2017-05"), ("weekly", "2017-W20"), ("quarterly", "2017-Q2")];

    // Not a HostTests class: the test compares two runs, each on a ledger and a host of its own.
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    [Timeout(TestTimeouts.Crash)]
    public async Task TownshipPlan_RunsItsOwnMonthWeekAndQuarter_AndTheDistrictsReportsAreUnchangedByIt()
    {
        var alone = await RunAsync(withTownshipPlan: false);
        var together = await RunAsync(withTownshipPlan: true);

        foreach (var (kind, period) in Periods)
        {
            Assert.AreEqual(alone[$"{kind}|{District}"], together[$"{kind}|{District}"], $"the district's {kind} report {period} is unchanged by the township's plan");
            var own = ReportView.Parse(together[$"{kind}|{Township}"]);
            Assert.AreEqual("石芫乡成效考核整改工作办公室", own.Issuer, $"{kind}: the township office's header");
            StringAssert.StartsWith(own.Title, "石芫乡", $"{kind}: the township office's title");
            Assert.AreEqual(Township, own.Office);
            foreach (var name in OtherSeedTownships)
            {
                Assert.IsFalse(together[$"{kind}|{Township}"].Contains(name, StringComparison.Ordinal), $"{kind}: the township's report names {name}, a unit of another office");
            }
        }

        var monthly = ReportView.Parse(together[$"monthly|{Township}"]);
        var overdue = monthly.TableStartingWith("三、").Rows.Select(r => r[0]).ToList();
        Assert.IsTrue(overdue.Count > 0 && overdue.All(m => m.StartsWith("sy-", StringComparison.Ordinal)), $"only the township plan's measures: {string.Join("; ", overdue)}");
        Assert.IsFalse(ReportView.Parse(together[$"monthly|{District}"]).TableStartingWith("三、").Rows.Any(r => r[0].StartsWith("sy-", StringComparison.Ordinal)));
        var coLed = monthly.TableStartingWith("三、").Rows.Single(r => r[0].StartsWith("sy-p2-m1 ", StringComparison.Ordinal));
        Assert.AreEqual("石芫乡财政所、石芫乡扶贫办", coLed[1], "a measure with two lead units names both, the first-named first");
        var found = monthly.TableStartingWith("一、").Rows.Select(r => r[4]).ToList();
        CollectionAssert.AreEqual(new[] { "帮扶台账未更新" }, found, "the township's team's finding is in the township's bulletin");
        Assert.IsFalse(together[$"monthly|{District}"].Contains("帮扶台账未更新", StringComparison.Ordinal), "and not in the district's");
    }

    /// <summary>Runs the three cycles on a fresh ledger (seed, optionally the township plan); returns each office's reports without their generation time.</summary>
    private async Task<Dictionary<string, string>> RunAsync(bool withTownshipPlan)
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        await using var host = await HostProcess.StartAsync(ledger.Prefix, environment: "Fast", settings: new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__InspectionWindow"] = "00:00:10",
            ["RectifyFlows__Auth__Keys__12__Key"] = TownshipUnitKey,
            ["RectifyFlows__Auth__Keys__12__PrincipalId"] = "unit-sy-fupin",
            ["RectifyFlows__Auth__Keys__12__Role"] = "unit",
            ["RectifyFlows__Auth__Keys__12__UnitId"] = "sy-fupin",
        });
        using var client = host.Client(TestKeys.Operator);
        if (withTownshipPlan)
        {
            var imported = await client.PostJsonAsync("api/plans", await File.ReadAllBytesAsync(TownshipExamplePlan, Ct));
            Assert.AreEqual(HttpStatusCode.Created, imported.StatusCode, await imported.Content.ReadAsStringAsync(Ct));
            var finding = await PostSignedAsync(client, "api/webhooks/inspection-results",
                InspectionResult("r-2017-05-sy-team-1", "2017-05", "sy-team-1", "vil-shazhou", Finding("work", "medium", "帮扶台账未更新")));
            Assert.AreEqual(HttpStatusCode.Accepted, finding.StatusCode, await finding.Content.ReadAsStringAsync(Ct));
        }

        // A district team's finding on 石芫乡 (both runs alike): the district's bulletin names the township, which is
        // also the office of its own plan and so hears from both offices in May.
        var named = await PostSignedAsync(client, "api/webhooks/inspection-results",
            InspectionResult("r-2017-05-team-1", "2017-05", "team-1", Township, Finding("work", "medium", "乡级台账更新不及时")));
        Assert.AreEqual(HttpStatusCode.Accepted, named.StatusCode, await named.Content.ReadAsStringAsync(Ct));

        // A township's month-end attendance reports for March and April: May's cycle judges April, and proposes recall.
        foreach (var (month, days) in new[] { ("2017-03", 15), ("2017-04", 12) })
        {
            var response = await PostSignedAsync(client, "api/webhooks/attendance",
                new { eventId = $"att-{month}", month, personId = "cad-0101", unitId = "tw-meilin", role = "firstSecretary", daysOnSite = days });
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var reports = new Dictionary<string, string>();
        foreach (var (kind, period) in Periods)
        {
            await StartCycleAsync(client, kind, period);
            var done = await WaitForCompletionAsync(client, kind, period, TimeSpan.FromSeconds(240));
            Assert.AreEqual(CyclePhases.Done, done.Phase);
            var offices = done.Offices.Select(o => o.OfficeId).ToList();
            CollectionAssert.AreEqual(withTownshipPlan ? new[] { District, Township } : new[] { District }, offices);
            foreach (var office in offices)
            {
                // Kept as the document's text, not as a ReportView: the two runs' reports are compared whole, every
                // field and cell of the wire format (the generation time aside), and searched for names as text.
                var report = await client.GetJsonAsync($"api/reports/{kind}/{period}?office={office}&format=json");
                report.AsObject().Remove("generatedAt");
                reports[$"{kind}|{office}"] = report.ToJsonString();
            }
        }

        var recalled = (await client.ActionsAsync("source=monthly-ganxian-2017-05"))
            .Where(a => a.PersonId == "cad-0101").Select(a => a.Kind).ToArray();
        CollectionAssert.AreEquivalent(new[] { ActionKind.AwardDisqualification, ActionKind.PublicCriticism, ActionKind.Recall }, recalled,
            "a township-reported breach opens the same actions as a team's, and a second month in a row proposes recall");
        var breach = ReportView.Parse(reports[$"monthly|{District}"]).TableStartingWith("二、").Rows;
        Assert.AreEqual("cad-0101", breach.Single()[0]);
        Assert.AreEqual("乡镇考勤报送", breach.Single()[3]);

        var bulletins = (await client.NotificationKeysAsync($"recipient={Township}&kind={NotificationTemplates.Bulletin}"))
            .Select(key => key.Split('|'))
            .Where(key => key[0] == "monthly" && key[1] == "2017-05").Select(key => key[3]).Distinct().Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(withTownshipPlan ? new[] { District, Township } : new[] { District }, bulletins,
            "石芫乡 receives the district's bulletin that names it and, as an office, its own: one message each, not one for both");

        if (withTownshipPlan)
        {
            // A unit key of the township office reads its own office's reports, and not the district's.
            using var unit = host.Client(TownshipUnitKey);
            Assert.AreEqual(Township, (await ReportAsync(unit, "monthly", "2017-05")).Office);
            using var denied = await unit.GetAsync(new Uri($"api/reports/monthly/2017-05?office={District}&format=json", UriKind.Relative), Ct);
            Assert.AreEqual(HttpStatusCode.Forbidden, denied.StatusCode);

            // The operator's default with two offices: the roll-up across them.
            var rollUp = await ReportAsync(client, "monthly", "2017-05");
            Assert.IsNull(rollUp.Office);
            var offices = rollUp.Tables[0].Rows.Select(r => r[0]).ToArray();
            CollectionAssert.AreEqual(new[] { "赣县区巡视整改工作办公室", "石芫乡成效考核整改工作办公室" }, offices);

            // sy-p2-m1 has two lead units (乡财政所, 乡扶贫办); its ladder, started past its deadline by the import, fires
            // level 3 to both. (Levels 1 and 2, and 各村支部 as its villages: EscalationRecipientsTests in the Functions app.)
            var level3 = MessageKeys.EscalationStep(ItemRef.MeasureKind, "sy-p2-m1", new DateOnly(2017, 5, 31), EscalationStep.Level3);
            foreach (var lead in new[] { "sy-caizheng", "sy-fupin" })
            {
                await WaitForMessageAsync(client, lead, level3, TimeSpan.FromSeconds(60));
            }
        }

        return reports;
    }

    private async Task WaitForMessageAsync(HttpClient client, string recipient, string key, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var keys = await client.NotificationKeysAsync($"recipient={recipient}");
            // A message's key is the step's key, then its recipient and channel.
            if (keys.Any(k => k.StartsWith(key + "|", StringComparison.Ordinal)))
            {
                return;
            }

            Assert.IsLessThan(deadline, DateTime.UtcNow, $"{recipient} has no message {key} after {timeout}: [{string.Join(", ", keys)}]");
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }
    }

    private static string TownshipExamplePlan => Path.Combine(Path.GetDirectoryName(RepositoryFiles.SeedPlan)!, "examples", "shiyuan-2017-chengxiao.plan.json");

    /// <summary>The seed's townships other than 石芫乡: none may appear in the township office's reports.</summary>
    private static IEnumerable<string> OtherSeedTownships =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.SeedPlan))!["units"]!.AsArray()
            .Where(u => u!["kind"]!.GetValue<string>() == "township" && u["id"]!.GetValue<string>() != Township)
            .Select(u => u!["name"]!.GetValue<string>());
}
