using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Tests;

[TestClass]
public sealed class ReportRendererTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ReportDocument Report(int rows) => new()
    {
        Kind = "monthly",
        Period = "2017-03",
        Title = "2017年3月脱贫攻坚督查情况通报",
        GeneratedAt = new DateTimeOffset(2017, 3, 31, 1, 0, 0, TimeSpan.Zero),
        Summary = [new("发现问题", "2")],
        Tables = [new("一、督查发现的问题", ["单位", "问题"], [.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<string>)[$"石芫乡{i}", "=HYPERLINK(\"x\") <script>"])])],
        Charts = [new("乡镇得分", "%", [new("石芫乡", 60.5m, true), new("梅林镇", 95m, false)])],
    };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Html_EscapesCellText_AndDrawsHighlightedBarsInRed()
    {
        var html = ReportRenderer.Html(Report(1));

        StringAssert.Contains(html, "&lt;script&gt;");
        Assert.IsFalse(html.Contains("<script>", StringComparison.Ordinal));
        StringAssert.Contains(html, "<svg");
        StringAssert.Contains(html, "#c62828");
        StringAssert.Contains(html, "2017年3月31日 09:00", "times are shown in China Standard Time");
        StringAssert.Contains(html, "<td>石芫乡0</td>", "Chinese stays text, not numeric references");
        StringAssert.Contains(html, "<b>2</b>发现问题");
        StringAssert.Contains(html, "fill=\"#c62828\"><title>石芫乡 60.5%</title>");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Html_PrintsTheIssuersHeader_AndSaysNoneForAnEmptyTable()
    {
        var report = Report(0) with { Tables = [new("二、问责情况", ["单位"], [], Note: "本月无问责。")] };

        var html = ReportRenderer.Html(report, issuer: "赣县区巡视整改工作办公室");

        StringAssert.Contains(html, "<p class=\"issuer\">赣县区巡视整改工作办公室</p>");
        StringAssert.Contains(html, "<h2>二、问责情况</h2>");
        StringAssert.Contains(html, "<p>无。</p>");
        Assert.IsFalse(html.Contains("<table>", StringComparison.Ordinal), "an empty table prints 无。, not an empty grid");
        StringAssert.Contains(html, "<p class=\"note\">本月无问责。</p>");
        Assert.IsFalse(ReportRenderer.Html(report).Contains("class=\"issuer\"", StringComparison.Ordinal), "no header without an issuer");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Csv_NeutralisesFormulas_AndStartsWithABom()
    {
        var csv = ReportRenderer.Csv(Report(1));

        Assert.AreEqual('\uFEFF', csv[0]);
        StringAssert.Contains(csv, "\"'=HYPERLINK(\"\"x\"\") <script>\"");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Json_OfAProvinceSizedReport_RoundTripsThroughTheReportStore()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        var report = Report(5000);
        var json = ReportRenderer.Json(report);
        Assert.IsTrue(json.Length > 200_000, "larger than a table property holds");

        var reports = ledger.Get<ReportRepository>();
        await reports.SaveAsync("monthly", "2017-03", json, TestContext.CancellationToken);
        var stored = await reports.GetAsync("monthly", "2017-03", TestContext.CancellationToken);

        Assert.AreEqual(json, stored);
        Assert.AreEqual(5000, ReportRenderer.FromJson(stored!).Tables[0].Rows.Count);
    }
}
