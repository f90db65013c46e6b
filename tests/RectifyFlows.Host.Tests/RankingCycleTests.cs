using RectifyFlows.Domain.Actions;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>The weekly dispatch and the quarterly evaluation on the seed district's (reconstructed) projects.</summary>
[TestClass]
public sealed class RankingCycleTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task WeeklyDispatch_CallsInTheBottomThreeTownships()
    {
        // Levels 2 and 3 one and two "days" (2 s each) after the due date, so the shared ladder is walked in seconds.
        var host = await StartHostAsync(environment: "Fast", settings: new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__Escalation__Level2DaysAfter"] = "1",
            ["RectifyFlows__Workflows__Escalation__Level3DaysAfter"] = "2",
        });
        using var client = host.Client(TestKeys.Operator);

        await StartCycleAsync(client, "weekly", "2017-W14");
        var done = await WaitForCompletionAsync(client, "weekly", "2017-W14", TimeSpan.FromSeconds(120));

        var rows = (await ReportAsync(client, "weekly", "2017-W14")).Tables[0].Rows;
        Assert.AreEqual(19, rows.Count, "every township of the district is ranked");
        var scores = rows.Select(r => decimal.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(scores.OrderByDescending(s => s).ToList(), scores, "ranked best first");
        var bottomNames = rows.TakeLast(3).Select(r => r[1]).ToHashSet();

        var callIns = await client.ActionsAsync("kind=callIn&source=weekly-ganxian-2017-W14");
        Assert.HasCount(3, callIns);
        Assert.AreEqual(3, done.ActionsOpened);
        var unitNames = await UnitNamesAsync(client, callIns.Select(a => a.UnitId));
        CollectionAssert.AreEquivalent(bottomNames.ToList(), unitNames, "the call-ins are the bottom three of the ranking");

        // The three call-ins share one deadline ladder (ADR 0020), which walks them all to level 3 (Fast: a day is 2 s).
        var due = callIns[0].DueDate;
        Assert.IsTrue(callIns.All(a => a.DueDate == due));
        var ladder = $"escalation-actions-weekly-ganxian-2017-W14-{due:yyyyMMdd}";
        await new TaskHub(Ledger.ConnectionString, "hub" + Ledger.Prefix).WaitForStatusAsync(ladder, "Completed", TimeSpan.FromSeconds(90));
        foreach (var callIn in callIns)
        {
            var (id, unit) = (callIn.Id, callIn.UnitId);
            var keys = await client.NotificationKeysAsync($"recipient={unit}");
            foreach (var step in new[] { EscalationStep.Level1, EscalationStep.Level2, EscalationStep.Level3 })
            {
                var key = MessageKeys.EscalationStep(ItemRef.ActionKind, id, due, step);
                Assert.IsTrue(keys.Any(k => k.StartsWith(key, StringComparison.Ordinal)), $"{unit} was sent {step} of {id}: {string.Join(", ", keys)}");
            }
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task QuarterlyEvaluation_EscalatesThreeConsecutiveStrikes_AndACleanQuarterResets()
    {
        var host = await StartHostAsync(environment: "Fast");
        using var client = host.Client(TestKeys.Operator);

        // The seed's reconstructed projects (as of 2017-03-31) put every township above 90: three fall behind here.
        var lagging = new[] { "tw-wangmudu", "tw-tiancun", "tw-jiangkou" };
        var ledgerProjects = Ledger.Get<ProjectRepository>();
        var behind = (await ledgerProjects.ListByDistrictAsync("ganxian", Ct))
            .Where(p => lagging.Contains(p.UnitId))
            .Select(p => p with { Status = "underConstruction", Percent = 50, Disbursed = p.Allocated / 4, CompletedOn = null })
            .ToList();
        Assert.IsFalse((await ledgerProjects.ImportAsync("ganxian", behind, "test", DateTimeOffset.UtcNow, "import", Ct)).HasErrors);

        var sanctions = new Dictionary<string, List<ActionKind>>();
        foreach (var quarter in new[] { "2017-Q1", "2017-Q2", "2017-Q3" })
        {
            await StartCycleAsync(client, "quarterly", quarter);
            await WaitForCompletionAsync(client, "quarterly", quarter, TimeSpan.FromSeconds(120));
            var actions = await client.ActionsAsync($"source=quarterly-ganxian-{quarter}");
            foreach (var action in actions.Where(a => a.Id.EndsWith("-principal", StringComparison.Ordinal)))
            {
                var unit = action.UnitId;
                sanctions.TryAdd(unit, []);
                sanctions[unit].Add(action.Kind);
                var deputy = actions.SingleOrDefault(a => a.Id == action.Id.Replace("-principal", "-deputy", StringComparison.Ordinal));
                Assert.IsNotNull(deputy, $"{unit}: the deputy in charge has a sanction of their own");
                Assert.AreEqual(action.Kind, deputy.Kind);
                StringAssert.Contains(action.Reason, "主要负责人");
                StringAssert.Contains(deputy.Reason, "分管负责人");
                if (action.Kind == ActionKind.DowngradedManagement)
                {
                    StringAssert.Contains(action.Reason, "按副科级干部管理");
                    StringAssert.Contains(deputy.Reason, "按同级非领导干部管理");
                }
            }
        }

        var struckThrice = sanctions.Where(s => s.Value.Count == 3).Select(s => s.Key).ToList();
        Assert.IsTrue(struckThrice.Count > 0, $"some township was in the bottom three below 90 every quarter: {string.Join("; ", sanctions.Select(s => $"{s.Key}={string.Join(",", s.Value)}"))}");
        foreach (var unit in struckThrice)
        {
            CollectionAssert.AreEqual(new[] { ActionKind.WrittenSelfCriticism, ActionKind.DowngradedManagement, ActionKind.Demotion }, sanctions[unit].ToArray(),
                $"{unit}: the three sanctions in order");
        }

        // The struck townships finish their projects; in the next quarter they are clean, and their count resets.
        var projects = Ledger.Get<ProjectRepository>();
        var fixedUp = (await projects.ListByDistrictAsync("ganxian", Ct))
            .Where(p => struckThrice.Contains(p.UnitId))
            .Select(p => p with { Status = "completed", Percent = 100, Disbursed = p.Allocated })
            .ToList();
        Assert.IsFalse((await projects.ImportAsync("ganxian", fixedUp, "test", DateTimeOffset.UtcNow, "import", Ct)).HasErrors);
        await StartCycleAsync(client, "quarterly", "2017-Q4");
        await WaitForCompletionAsync(client, "quarterly", "2017-Q4", TimeSpan.FromSeconds(120));

        var q4 = (await ReportAsync(client, "quarterly", "2017-Q4")).Tables[0].Rows;
        var names = await UnitNamesAsync(client, struckThrice);
        foreach (var row in q4.Where(r => names.Contains(r[1])))
        {
            Assert.AreEqual("0", row[6], $"{row[1]}: a clean quarter resets the consecutive count");
            Assert.AreEqual(string.Empty, row[7], $"{row[1]}: no sanction in a clean quarter");
        }

        var q4Actions = await client.ActionsAsync("source=quarterly-ganxian-2017-Q4");
        Assert.IsFalse(q4Actions.Any(a => struckThrice.Contains(a.UnitId)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task TenDayReport_AsksForReverificationOfDueLongTermMeasures_AndArchivesTheReport()
    {
        var host = await StartHostAsync(environment: "Fast");
        using var client = host.Client(TestKeys.Operator);
        Assert.AreEqual(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("api/plans", TestPlans.ToJson(TestPlans.District(1)))).StatusCode);

        // The seven long-term measures' first review horizon is 2017-12-31: the first ten days of 2018 ask for it.
        await StartCycleAsync(client, "ten-day", "2018-01-1");
        var done = await WaitForCompletionAsync(client, "ten-day", "2018-01-1", TimeSpan.FromSeconds(120));

        var requests = await client.NotificationsAsync($"kind={NotificationTemplates.Reverification}");
        Assert.HasCount(7, requests, "one re-verification request per long-term measure of the district");
        Assert.IsTrue(requests.All(m => m.IdempotencyKey.StartsWith("tenday|2018-01-1|reverify|d001-l", StringComparison.Ordinal)));
        Assert.AreEqual(7, done.MessagesWritten);

        var report = await ReportAsync(client, "ten-day", "2018-01-1");
        Assert.AreEqual("66", report.Figures["整改措施"], "the seed plan and the test district, 33 measures each");
        using var csv = await client.GetAsync(new Uri("api/reports/ten-day/2018-01-1?format=csv", UriKind.Relative), Ct);
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await csv.Content.ReadAsStringAsync(Ct), "逾期未完成措施");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Schedules_CatchUpTheCurrentPeriods_AtStartUp()
    {
        var host = await StartHostAsync(environment: "Fast",
            settings: new Dictionary<string, string> { ["RectifyFlows__Schedules__Enabled"] = "true" });
        using var client = host.Client(TestKeys.Operator);

        // The last monthly fire (the 1st at 09:00 China time) and the last Monday 09:00 are in the past: their cycles exist.
        var now = DateTimeOffset.UtcNow;
        var cst = RectifyFlows.Domain.Time.ChinaTime.ToChinaTime(now);
        var monthFire = new DateTimeOffset(cst.Year, cst.Month, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var month = RectifyFlows.Domain.Periods.CyclePeriods.ForFireTime(RectifyFlows.Domain.Periods.CycleKind.Monthly, cst >= monthFire ? monthFire : monthFire.AddMonths(-1));
        var monday = cst.Date.AddDays(-(((int)cst.DayOfWeek + 6) % 7));
        var weekFire = new DateTimeOffset(monday.AddHours(9), TimeSpan.FromHours(8));
        var week = RectifyFlows.Domain.Periods.CyclePeriods.ForFireTime(RectifyFlows.Domain.Periods.CycleKind.Weekly, cst >= weekFire ? weekFire : weekFire.AddDays(-7));

        await WaitForCycleAsync(client, "monthly", month, _ => true, TimeSpan.FromSeconds(60));
        await WaitForCompletionAsync(client, "weekly", week, TimeSpan.FromSeconds(120));
        StringAssert.Contains(host.Output, $"Caught up weekly-{week}");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Schedules_StartEveryQuarterMissedSinceTheLastThatRan_InOrder_AtStartUp()
    {
        // The last quarterly fire (1 Jan/Apr/Jul/Oct, 09:00 China time) and the two before it: the oldest ran, the
        // host was down for the other two. Strikes count adjacent quarters (issue 12), so neither may be skipped.
        var cst = RectifyFlows.Domain.Time.ChinaTime.ToChinaTime(DateTimeOffset.UtcNow);
        var fire = new DateTimeOffset(cst.Year, (cst.Month - 1) / 3 * 3 + 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        fire = cst >= fire ? fire : fire.AddMonths(-3);
        string Quarter(DateTimeOffset at) => RectifyFlows.Domain.Periods.CyclePeriods.ForFireTime(RectifyFlows.Domain.Periods.CycleKind.Quarterly, at);
        var (ran, missed, latest) = (Quarter(fire.AddMonths(-6)), Quarter(fire.AddMonths(-3)), Quarter(fire));
        await using (var down = await StartHostAsync(environment: "Fast"))
        {
            using var client = down.Client(TestKeys.Operator);
            await StartCycleAsync(client, "quarterly", ran);
            await WaitForCompletionAsync(client, "quarterly", ran, TimeSpan.FromSeconds(120));
        }

        var host = await StartHostAsync(environment: "Fast",
            settings: new Dictionary<string, string> { ["RectifyFlows__Schedules__Enabled"] = "true" });
        using var restarted = host.Client(TestKeys.Operator);

        await WaitForCompletionAsync(restarted, "quarterly", missed, TimeSpan.FromSeconds(180));
        await WaitForCompletionAsync(restarted, "quarterly", latest, TimeSpan.FromSeconds(180));
        var first = host.Output.IndexOf($"Caught up quarterly-{missed}", StringComparison.Ordinal);
        var second = host.Output.IndexOf($"Caught up quarterly-{latest}", StringComparison.Ordinal);
        Assert.IsTrue(first >= 0 && second > first, $"{missed} is evaluated before {latest}:\n{host.Output}");
    }

    private static async Task<List<string>> UnitNamesAsync(HttpClient client, IEnumerable<string> unitIds)
    {
        var names = new List<string>();
        foreach (var id in unitIds)
        {
            names.Add((await client.UnitAsync(id)).Name);
        }

        return names;
    }
}
