using System.Net.Http.Headers;

namespace RectifyFlows.Host.Tests;

/// <summary>The ledger's Excel round-trip and the reports' XLSX format, against the running host.</summary>
[TestClass]
public sealed class LedgerXlsxTests : DistrictHostTests
{
    private static readonly string[] Columns = ["措施编号", "问题", "序号", "整改措施", "牵头单位", "状态", "三色", "进度(%)", "整改时限", "逾期天数", "版本"];

    protected override DistrictHostOptions HostOptions => new(Environment: "Fast");

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task LedgerExport_OpensWithOpenXml_WithOneRowPerMeasure()
    {
        using var client = Host.Client(TestKeys.Operator);
        var response = await client.GetAsync(new Uri($"api/plans/{TestPlans.SeedPlanId}/ledger.xlsx", UriKind.Relative), Ct);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(SpreadsheetFile.MediaType, response.Content.Headers.ContentType!.MediaType);

        using var file = new SpreadsheetFile(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.AreEqual("整改台账", file.SheetName);
        CollectionAssert.AreEqual(Columns, Columns.Select((_, i) => file.Text($"{(char)('A' + i)}1")).ToArray());
        Assert.AreEqual(34, file.Rows.Count, "a header and the 33 measures");
        var row = file.RowOf("p1-m1");
        Assert.AreEqual("区扶贫和移民办", file.Text($"E{row}"));
        Assert.AreEqual("2016-12-31", file.Text($"I{row}"));
        StringAssert.StartsWith(file.Text($"B{row}"), "1 ");

        using var unit = Host.Client("dev-unit-fupin-key");
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await unit.GetAsync(new Uri($"api/plans/{TestPlans.SeedPlanId}/ledger.xlsx", UriKind.Relative), Ct)).StatusCode,
            "the ledger export is for the office");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task LedgerImport_ChangesExactlyTheEditedRows_WithAnAuditRecordOfTheOperator()
    {
        var before = await VersionsAsync(Host.PlanId!);
        var bytes = await ExportAsync(Host.PlanId!);
        using var file = new SpreadsheetFile(bytes);
        var progressRow = file.RowOf("d001-p1-m1");
        var textDateRow = file.RowOf("d001-p3-m1");
        var excelDateRow = file.RowOf("d001-p5-m2");
        file.SetNumber($"H{progressRow}", 60);
        file.SetText($"I{textDateRow}", "2027-06-30");
        file.SetDate($"I{excelDateRow}", new DateOnly(2027, 9, 30));
        var edited = file.Save();

        var (status, body) = await ImportAsync(Host.PlanId!, edited);
        Assert.AreEqual(HttpStatusCode.OK, status, body.ToJsonString());
        Assert.AreEqual(33, body["rows"]!.GetValue<int>());
        Assert.AreEqual(3, body["changed"]!.GetValue<int>());

        var after = await MeasuresAsync(Host.PlanId!);
        Assert.AreEqual(60, after["d001-p1-m1"].Progress);
        Assert.AreEqual("inProgress", after["d001-p1-m1"].Status, "progress starts the work, as a unit's report would");
        Assert.AreEqual(new DateOnly(2027, 6, 30), after["d001-p3-m1"].DueDate);
        Assert.AreEqual(new DateOnly(2027, 9, 30), after["d001-p5-m2"].DueDate);
        string[] changed = ["d001-p1-m1", "d001-p3-m1", "d001-p5-m2"];
        foreach (var (id, version) in before)
        {
            Assert.AreEqual(changed.Contains(id) ? version + 1 : version, after[id].Version, $"{id}: only edited rows are written");
        }

        using var client = Host.Client(TestKeys.Operator);
        var last = (await client.MeasureAsync("d001-p3-m1")).History[^1];
        Assert.AreEqual("ledger-import", last.Action);
        Assert.AreEqual("dev-operator", last.Actor);
        Assert.AreEqual("2027-06-30", last.Changes["dueDate"][1]);
        StringAssert.Contains(last.Reason, $"第{textDateRow}行");

        // The same file again: its values are now the ledger's, so nothing is written.
        var (again, second) = await ImportAsync(Host.PlanId!, edited);
        Assert.AreEqual(HttpStatusCode.OK, again, second.ToJsonString());
        Assert.AreEqual(0, second["changed"]!.GetValue<int>());
        CollectionAssert.AreEquivalent(after.Select(m => (m.Key, m.Value.Version)).ToList(),
            (await MeasuresAsync(Host.PlanId!)).Select(m => (m.Key, m.Value.Version)).ToList());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task LedgerImport_Rejects_WrongColumns_NamingTheHeaderCell_AndWritesNothing()
    {
        var before = await VersionsAsync(Host.PlanId!);
        using var file = new SpreadsheetFile(await ExportAsync(Host.PlanId!));
        file.SetText("H1", "进度");
        file.SetText("K1", "备注");
        file.SetNumber($"H{file.RowOf("d001-p2-m1")}", 80);

        var (status, body) = await ImportAsync(Host.PlanId!, file.Save());

        Assert.AreEqual(HttpStatusCode.BadRequest, status);
        var errors = body["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { "H1", "K1" }, errors.Select(e => e.Key).ToArray());
        StringAssert.Contains(errors["H1"]![0]!.GetValue<string>(), "进度(%)");
        CollectionAssert.AreEquivalent(before.ToList(), (await VersionsAsync(Host.PlanId!)).ToList(), "storage unchanged");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task LedgerImport_Rejects_WrongTypes_NamingRowAndColumn_AndWritesNothing()
    {
        var before = await VersionsAsync(Host.PlanId!);
        using var file = new SpreadsheetFile(await ExportAsync(Host.PlanId!));
        var wordRow = file.RowOf("d001-p2-m2");
        var tooMuchRow = file.RowOf("d001-p2-m3");
        var dateRow = file.RowOf("d001-p2-m4");
        file.SetText($"H{wordRow}", "八十");
        file.SetNumber($"H{tooMuchRow}", 120);
        file.SetText($"I{dateRow}", "明年三月");
        file.SetNumber($"H{file.RowOf("d001-p7-m1")}", 30);

        var (status, body) = await ImportAsync(Host.PlanId!, file.Save());

        Assert.AreEqual(HttpStatusCode.BadRequest, status, body.ToJsonString());
        var errors = body["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { $"H{wordRow}", $"H{tooMuchRow}", $"I{dateRow}" }, errors.Select(e => e.Key).ToArray());
        StringAssert.Contains(errors[$"H{wordRow}"]![0]!.GetValue<string>(), $"第{wordRow}行 H列（进度(%)）");
        StringAssert.Contains(errors[$"I{dateRow}"]![0]!.GetValue<string>(), $"第{dateRow}行 I列（整改时限）");
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "未写入任何修改");
        CollectionAssert.AreEquivalent(before.ToList(), (await VersionsAsync(Host.PlanId!)).ToList(), "the valid edit of the same file is not written either");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task LedgerImport_Rejects_AMeasureOfAnotherPlan_AndAnUnknownMeasure_AndWritesNothing()
    {
        var before = await VersionsAsync(Host.PlanId!);
        var seedBefore = await VersionsAsync(TestPlans.SeedPlanId);
        using var file = new SpreadsheetFile(await ExportAsync(Host.PlanId!));
        var otherRow = file.RowOf("d001-p1-m2");
        var unknownRow = file.RowOf("d001-p1-m3");
        file.SetText($"A{otherRow}", "p1-m2");
        file.SetNumber($"H{otherRow}", 50);
        file.SetText($"A{unknownRow}", "d001-p9-m9");
        file.SetNumber($"H{file.RowOf("d001-p1-m4")}", 70);

        var (status, body) = await ImportAsync(Host.PlanId!, file.Save());

        Assert.AreEqual(HttpStatusCode.BadRequest, status, body.ToJsonString());
        var errors = body["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { $"A{otherRow}", $"A{unknownRow}" }, errors.Select(e => e.Key).ToArray());
        StringAssert.Contains(errors[$"A{otherRow}"]![0]!.GetValue<string>(), $"属于方案 {TestPlans.SeedPlanId}");
        StringAssert.Contains(errors[$"A{unknownRow}"]![0]!.GetValue<string>(), "不存在");
        CollectionAssert.AreEquivalent(before.ToList(), (await VersionsAsync(Host.PlanId!)).ToList());
        CollectionAssert.AreEquivalent(seedBefore.ToList(), (await VersionsAsync(TestPlans.SeedPlanId)).ToList(), "the other plan's measure is untouched");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task LedgerImport_Rejects_AFileThatIsNotAWorkbook()
    {
        var (status, body) = await ImportAsync(Host.PlanId!, "措施编号,进度\r\nd001-p1-m1,50\r\n"u8.ToArray());
        Assert.AreEqual(HttpStatusCode.BadRequest, status);
        Assert.IsNotNull(body["errors"]!["file"]);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ReportXlsx_OpensWithOpenXml_WithTheSummaryTablesAndChartData()
    {
        using var client = Host.Client(TestKeys.Operator);
        await WorkflowClient.StartCycleAsync(client, "weekly", "2017-W14");
        await WorkflowClient.WaitForCompletionAsync(client, "weekly", "2017-W14", TimeSpan.FromSeconds(150));
        var report = await WorkflowClient.ReportAsync(client, "weekly", "2017-W14", office: "ganxian");
        var response = await client.GetAsync(new Uri("api/reports/weekly/2017-W14?office=ganxian&format=xlsx", UriKind.Relative), Ct);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(SpreadsheetFile.MediaType, response.Content.Headers.ContentType!.MediaType);

        using var file = new SpreadsheetFile(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.AreEqual("摘要", file.SheetName);
        Assert.AreEqual(report.Title, file.Text("B2"));
        Assert.AreEqual(1 + report.Tables.Count + report.Charts.Count, file.SheetNames.Count);
        Assert.AreEqual("乡镇排名", file.SheetNames[1]);

        var html = await client.GetStringAsync(new Uri("api/reports/weekly/2017-W14?office=ganxian", UriKind.Relative), Ct);
        StringAssert.Contains(html, "@page");
        StringAssert.Contains(html, "<svg");
    }

    private async Task<byte[]> ExportAsync(string planId)
    {
        using var client = Host.Client(TestKeys.Operator);
        return await client.GetByteArrayAsync(new Uri($"api/plans/{planId}/ledger.xlsx", UriKind.Relative));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(string planId, byte[] file)
    {
        using var client = Host.Client(TestKeys.Operator);
        using var content = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue(SpreadsheetFile.MediaType) } };
        var response = await client.PostAsync(new Uri($"api/plans/{planId}/ledger.xlsx", UriKind.Relative), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<Dictionary<string, MeasureView>> MeasuresAsync(string planId)
    {
        using var client = Host.Client(TestKeys.Operator);
        return (await client.MeasuresAsync($"planId={planId}")).Items.ToDictionary(m => m.Id);
    }

    private async Task<Dictionary<string, long>> VersionsAsync(string planId) =>
        (await MeasuresAsync(planId)).ToDictionary(m => m.Key, m => m.Value.Version);
}
