using Microsoft.Playwright;
using RectifyFlows.Domain.Time;
using RectifyFlows.Workflows.Common;
using static RectifyFlows.Browser.Tests.DashboardHost;

namespace RectifyFlows.Browser.Tests;

/// <summary>What an operator and a member of the public see in the dashboard, in Chromium against the running host.</summary>
[TestClass]
public sealed class DashboardTests
{
    /// <summary>Property names that belong to the ledger, its people or their contacts: none may reach the public page.</summary>
    private static readonly HashSet<string> LedgerFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "measureId", "measures", "problemId", "categoryId", "leadOfficialId", "leadUnitId", "responsibleUnitIds", "dueDate",
        "colour", "overdue", "daysOverdue", "history", "evidence", "text", "kind", "personId", "cadres", "officials", "contacts",
        "contact", "email", "mobile", "phone", "wecom", "dingtalk", "actor",
    };

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Ledger_ShowsThe33SeedMeasures_AfterOperatorLogin()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/dashboard/");
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        Assert.AreEqual(0, await page.Locator("#ledger").CountAsync(), "nothing of the ledger before logging in");

        await page.Locator("#api-key").FillAsync(OperatorKey);
        await page.Locator("#login-form button[type=submit]").ClickAsync();
        await page.Locator("#view[data-ready=ledger]").WaitForAsync();

        Assert.AreEqual(33, await page.Locator("#ledger tr[data-measure-id]").CountAsync());
        Assert.AreEqual(9, await page.Locator("#ledger tr.problem").CountAsync(), "grouped under the 9 problems");
        await Assertions.Expect(page.Locator("#ledger-count")).ToHaveTextAsync("共 33 项措施");
        Assert.AreEqual(OperatorKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('rectifyflows.apiKey')"),
            "the key lives in sessionStorage");
        await ScreenshotAsync(page, "ledger");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Ledger_ShowsTheSeedsRectifiedMeasures_NotOverdue()
    {
        // The report: 7 problems basically rectified (基本整改到位), their results submitted on time and awaiting
        // sign-off. Submitted evidence stops the overdue clock: none of them is red or counts overdue days.
        var awaiting = (await GetJsonAsync($"api/measures?planId={SeedPlanId}&status=evidenceSubmitted"))["items"]!.AsArray()
            .Where(m => m!["problemId"]!.GetValue<string>().StartsWith('p'))
            .Select(m => m!["id"]!.GetValue<string>())
            .ToList();
        Assert.IsTrue(awaiting.Count >= 20, $"the rectified problems' measures await sign-off ({awaiting.Count})");
        var page = await LoginAsync();

        foreach (var measureId in awaiting)
        {
            var row = page.Locator($"#ledger tr[data-measure-id='{measureId}']");
            Assert.AreNotEqual("red", await row.GetAttributeAsync("data-colour"), $"{measureId} is shown red");
            Assert.AreEqual("—", (await row.Locator("td").Last.InnerTextAsync()).Trim(), $"{measureId} shows overdue days");
            StringAssert.Contains(await row.InnerTextAsync(), "已报送成效", $"{measureId}: status in Chinese, awaiting sign-off");
        }

        await ScreenshotAsync(page, "ledger-rectified");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Ledger_ShowsOnlyRedMeasures_WhenFilteredToRed()
    {
        // Evidence submitted on time stops the clock, so the seed starts without red; a return restarts the clock of a
        // measure whose due date (2017) has long passed: red. Two signed off are green.
        await ReviewAsync("p2-m1", """{"decision":"return","comment":"浏览器测试：退回重做"}""");
        foreach (var measureId in new[] { "p1-m1", "p4-m1" })
        {
            await ReviewAsync(measureId, """{"decision":"accept","comment":"浏览器测试：审核销号"}""");
        }

        var expected = (await GetJsonAsync($"api/measures?planId={SeedPlanId}&colour=red"))["count"]!.GetValue<int>();
        Assert.IsTrue(expected >= 1, "the returned measure is red");
        var page = await LoginAsync();

        await page.Locator("#filter-colour").SelectOptionAsync("red");
        // The filter re-renders the page from the API: wait for the new count, not for the old page.
        await Assertions.Expect(page.Locator("#ledger-count")).ToHaveTextAsync($"共 {expected} 项措施");
        StringAssert.EndsWith(page.Url, "#/ledger?colour=red", "the filter is in the address, so it can be bookmarked");

        var rows = page.Locator("#ledger tr[data-measure-id]");
        Assert.AreEqual(expected, await rows.CountAsync());
        Assert.AreEqual(expected, await page.Locator("#ledger tr[data-measure-id][data-colour=red]").CountAsync(), "every row shown is red");
        Assert.AreEqual(1, await page.Locator("#ledger tr[data-measure-id='p2-m1'][data-colour=red]").CountAsync());
        await ScreenshotAsync(page, "ledger-red");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task MeasurePage_ShowsItsHistory_WhenOpenedFromTheRedLedger()
    {
        // A change made through the API shows up in the measure's history with who made it.
        const string measureId = "p1-m2";
        await ReviewAsync(measureId, """{"decision":"return","comment":"浏览器测试：成效不充分，退回"}""");

        var history = (await GetJsonAsync($"api/measures/{measureId}"))["history"]!.AsArray();
        var red = (await GetJsonAsync($"api/measures?planId={SeedPlanId}&colour=red"))["count"]!.GetValue<int>();
        var page = await LoginAsync();
        await page.Locator("#filter-colour").SelectOptionAsync("red");
        await Assertions.Expect(page.Locator("#ledger-count")).ToHaveTextAsync($"共 {red} 项措施");
        await page.Locator($"#ledger tr[data-measure-id='{measureId}'] a[href^='#/measure/']").ClickAsync();
        await page.Locator("#view[data-ready=measure]").WaitForAsync();

        await Assertions.Expect(page.Locator("#view h1")).ToContainTextAsync($"措施 {measureId}");
        Assert.AreEqual(history.Count, await page.Locator("#history tbody tr").CountAsync(), "one row per audit event");
        var historyText = await page.Locator("#history").InnerTextAsync();
        StringAssert.Contains(historyText, "退回");
        StringAssert.Contains(historyText, "浏览器测试：成效不充分，退回");
        StringAssert.Contains(historyText, "dev-operator", "who made the change");
        StringAssert.Contains(historyText, "已报送成效 → 已退回");
        await ScreenshotAsync(page, "measure");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task UnitPage_ShowsItsMeasuresActionsAndAttendanceBreaches_AfterAMonthlyCycle()
    {
        // March 2017's round: team 1 finds a first secretary of 石芫乡 on site 15 days, team 2 a stalled project there.
        using (var client = Host.Client(OperatorKey))
        {
            await WorkflowClient.StartCycleAsync(client, "monthly", "2017-03");
            await WorkflowClient.WaitForCycleAsync(client, "monthly", "2017-03", s => s.Phase == CyclePhases.Collecting, TimeSpan.FromSeconds(60));
            object[] attendance = [WorkflowClient.Attendance("cad-0001", 15)];
            object[] project = [WorkflowClient.Finding("project", "high", "扶贫项目长期停工")];
            var results = new[] { ("team-1", attendance), ("team-2", project), ("team-3", Array.Empty<object>()), ("team-4", Array.Empty<object>()) };
            foreach (var (team, findings) in results)
            {
                var posted = await WorkflowClient.PostSignedAsync(client, "api/webhooks/inspection-results",
                    WorkflowClient.InspectionResult($"browser-2017-03-{team}", "2017-03", team, "tw-shiyuan", findings));
                Assert.AreEqual(HttpStatusCode.Accepted, posted.StatusCode, await posted.Content.ReadAsStringAsync());
            }

            await WorkflowClient.WaitForCompletionAsync(client, "monthly", "2017-03", TimeSpan.FromSeconds(120));

            // The call-in is reported carried out: the page shows it done, on the day given.
            var callIn = (await GetJsonAsync("api/actions?unitId=tw-shiyuan&kind=callIn&source=monthly-ganxian-2017-03"))["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
            using var reported = await client.PostJsonAsync($"api/actions/tw-shiyuan/{callIn}/completion", new { note = "已约谈石芫乡党委书记、乡长。" });
            Assert.AreEqual(HttpStatusCode.OK, reported.StatusCode, await reported.Content.ReadAsStringAsync());
        }

        var expected = (await GetJsonAsync($"api/measures?unitId=tw-shiyuan&planId={SeedPlanId}"))["count"]!.GetValue<int>();
        var page = await LoginAsync();
        await page.GotoAsync("/dashboard/#/unit/tw-shiyuan");
        await page.Locator("#view[data-ready=unit]").WaitForAsync();

        await Assertions.Expect(page.Locator("#view h1")).ToHaveTextAsync("石芫乡");
        Assert.AreEqual(expected, await page.Locator("#unit-measures tr[data-measure-id]").CountAsync());
        var attendanceText = await page.Locator("#unit-attendance").InnerTextAsync();
        StringAssert.Contains(attendanceText, "cad-0001");
        StringAssert.Contains(attendanceText, "通报批评");
        StringAssert.Contains(attendanceText, "驻村15天");
        var actionsText = await page.Locator("#unit-actions").InnerTextAsync();
        StringAssert.Contains(actionsText, "约谈", "the high-severity finding's call-in");
        StringAssert.Contains(actionsText, $"已办结（{ChinaTime.Today(TimeProvider.System):yyyy-MM-dd}）", "reported carried out today");
        await ScreenshotAsync(page, "unit");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task PublicPage_ShowsProjectsAndFundsButNoLedgerData_WithoutAKey()
    {
        using (var anonymous = Host.Client())
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized,
                (await anonymous.GetAsync(new Uri($"api/measures?planId={SeedPlanId}", UriKind.Relative))).StatusCode, "the ledger still needs a key");
        }

        var json = await GetJsonAsync("api/public/projects", key: null);
        var leaked = PropertyNames(json).Where(LedgerFields.Contains).Distinct().ToList();
        Assert.AreEqual(0, leaked.Count, "ledger fields in the public JSON: " + string.Join(", ", leaked));
        Assert.AreEqual(19, json["townships"]!.AsArray().Count);
        Assert.AreEqual(911, json["townships"]!.AsArray().Sum(t => t!["projectCount"]!.GetValue<int>()), "the seed's reconstructed projects (seeds/ganxian-2017.projects.json)");

        var page = await NewPageAsync();
        await page.GotoAsync("/dashboard/public.html");
        await page.Locator("body[data-ready=public]").WaitForAsync();

        Assert.AreEqual(19, await page.Locator("#township-summary tbody tr").CountAsync());
        Assert.AreEqual(0, await page.Locator("#ledger, [data-measure-id]").CountAsync());
        Assert.IsNull(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('rectifyflows.apiKey')"), "no key was used");
        var text = await page.Locator("body").InnerTextAsync();
        StringAssert.Contains(text, "资金拨付率");
        StringAssert.Matches(await page.Locator("#district-rate").InnerTextAsync(), new System.Text.RegularExpressions.Regex(@"^\d+\.\d{2}%$"));
        foreach (var forbidden in new[] { "p1-m1", "整改措施", "逾期", "ganxian.example.gov.cn", "1380000", "第一书记" })
        {
            Assert.IsFalse(text.Contains(forbidden, StringComparison.Ordinal), $"the public page shows '{forbidden}'");
        }

        var firstTownship = page.Locator("#township-summary a[data-open]").First;
        var unitId = await firstTownship.GetAttributeAsync("data-open");
        var expected = json["townships"]!.AsArray().Single(t => t!["unitId"]!.GetValue<string>() == unitId)!["projectCount"]!.GetValue<int>();
        await firstTownship.ClickAsync();
        Assert.AreEqual(expected, await page.Locator("details[open] table.projects tbody tr").CountAsync(), "a township's projects unfold, one row each");
        await ScreenshotAsync(page, "public");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Crash)]
    public async Task RankingsPage_MarksTheBottomThree_AndShowsTheTrend_AfterWeeklyAndQuarterlyRuns()
    {
        using (var client = Host.Client(OperatorKey))
        {
            foreach (var (kind, period) in new[] { ("weekly", "2017-W13"), ("weekly", "2017-W14"), ("quarterly", "2017-Q1") })
            {
                await WorkflowClient.StartCycleAsync(client, kind, period);
            }

            foreach (var (kind, period) in new[] { ("weekly", "2017-W13"), ("weekly", "2017-W14"), ("quarterly", "2017-Q1") })
            {
                await WorkflowClient.WaitForCompletionAsync(client, kind, period, TimeSpan.FromSeconds(240));
            }
        }

        var page = await LoginAsync();
        await page.GotoAsync("/dashboard/#/rankings?weekly=2017-W14&quarterly=2017-Q1");
        await page.Locator("#view[data-ready=rankings]").WaitForAsync();

        var weekly = page.Locator(".panel[data-kind=weekly]");
        Assert.AreEqual(19, await weekly.Locator("svg rect").CountAsync(), "one bar per township");
        Assert.AreEqual(3, await weekly.Locator("svg rect[data-bottom=true]").CountAsync(), "the bottom three are marked");
        Assert.AreEqual(3, await page.Locator(".panel[data-kind=quarterly] svg rect[data-bottom=true]").CountAsync());
        Assert.AreEqual(4, await weekly.Locator("svg path").CountAsync(), "trend lines: the district mean and the bottom three");
        await ScreenshotAsync(page, "rankings");

        // The report opens in a new tab, fetched with the key, styled by its own stylesheet.
        var opened = await page.RunAndWaitForPopupAsync(() => weekly.GetByText("打开报告（可打印）").ClickAsync());
        await Assertions.Expect(opened.Locator("h1")).ToContainTextAsync("2017年第14周");
        Assert.AreEqual("center", await opened.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).textAlign"));
        await opened.CloseAsync();

        await page.GotoAsync("/dashboard/#/cycles?weekly=2017-W14&quarterly=2017-Q1&monthly=2017-03&ten-day=2017-03-3");
        await page.Locator("#view[data-ready=cycles]").WaitForAsync();
        await Assertions.Expect(page.Locator(".panel[data-kind=weekly] [data-runtime]")).ToHaveTextAsync("已完成");
        await ScreenshotAsync(page, "cycles");
        await page.Context.CloseAsync();

        // The printable report: the district office's header, A4 pages.
        var report = await NewPageAsync();
        await report.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Api-Key"] = OperatorKey });
        await report.GotoAsync("/api/reports/weekly/2017-W14");
        await Assertions.Expect(report.Locator(".issuer")).ToHaveTextAsync("赣县区巡视整改工作办公室");
        await ScreenshotAsync(report, "report-weekly");
        var pdf = await report.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        CollectionAssert.AreEqual("%PDF"u8.ToArray(), pdf.Take(4).ToArray());
        await report.Context.CloseAsync();
    }

    /// <summary>The office's review of submitted evidence (accept or return), as an operator.</summary>
    private static async Task ReviewAsync(string measureId, string body)
    {
        using var client = Host.Client(OperatorKey);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri($"api/measures/{measureId}/signoff", UriKind.Relative), content);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };
}
