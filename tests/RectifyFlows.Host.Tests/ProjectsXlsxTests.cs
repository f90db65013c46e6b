using System.Net.Http.Headers;
using RectifyFlows.Domain.Projects;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The projects ledger's Excel round trip against the running host: an office without projects exports the empty
/// template, fills it in and uploads it; an edited export replaces only the changed rows; a stale export, bad cells and
/// units of another office are refused naming the cells, with nothing written.
/// </summary>
[TestClass]
public sealed class ProjectsXlsxTests : DistrictHostTests
{
    private const string Office = "d001-ganxian";

    private static readonly string[] Columns =
        ["项目编号", "项目名称", "乡镇编号", "乡镇", "村编号", "村", "类别", "年度", "资金级别", "下达资金(元)", "已拨付(元)", "状态", "进度(%)", "开工日期", "完工日期", "来源标注", "版本"];

    protected override DistrictHostOptions HostOptions => new(Environment: "Fast");

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ProjectsLedger_FilledTemplateRegisters_EditedExportReplacesOnlyChangedRows_StaleExportIsRefused()
    {
        using var template = new SpreadsheetFile(await ExportAsync());
        Assert.AreEqual("项目台账", template.SheetName);
        CollectionAssert.AreEqual(Columns, Columns.Select((_, i) => template.Text($"{(char)('A' + i)}1")).ToArray());
        Assert.AreEqual(1, template.Rows.Count, "an office without projects exports the header only");

        Fill(template, 2, "d001-xm-001", "石芫乡道路硬化", "d001-tw-shiyuan", "交通", 2016, "县级", 500000, 200000, "在建", 40, "2016-11-01");
        Fill(template, 3, "d001-xm-002", "梅林镇光伏扶贫", "d001-tw-meilin", "产业", 2016, "central", 1200000.5m, 0, "notStarted", 0, null);
        var (status, body) = await ImportAsync(template.Save());
        Assert.AreEqual(HttpStatusCode.OK, status, body.ToJsonString());
        Assert.AreEqual(2, body["created"]!.GetValue<int>());

        var listed = await ProjectsAsync();
        Assert.AreEqual(ProjectStatuses.UnderConstruction, listed["d001-xm-001"].Status);
        Assert.AreEqual(1200000.5m, listed["d001-xm-002"].Allocated);

        // The export carries each row's version; editing one row of it replaces that project only.
        var exported = await ExportAsync();
        using (var edited = new SpreadsheetFile(exported))
        {
            var shiyuan = edited.RowOf("d001-xm-001");
            Assert.AreEqual("1", edited.Text($"Q{shiyuan}"));
            Assert.AreEqual("石芫乡", edited.Text($"D{shiyuan}"), "the township's name is written beside its id");
            Assert.AreEqual("在建", edited.Text($"L{shiyuan}"), "the status in Chinese");
            edited.SetNumber($"K{shiyuan}", 350000);
            var (again, changed) = await ImportAsync(edited.Save());
            Assert.AreEqual(HttpStatusCode.OK, again, changed.ToJsonString());
            Assert.AreEqual(1, changed["updated"]!.GetValue<int>());
            Assert.AreEqual(1, changed["unchanged"]!.GetValue<int>());
        }

        Assert.AreEqual(350000m, (await ProjectsAsync())["d001-xm-001"].Disbursed);

        // The first export again, now stale for 石芫乡's row: refused at its 版本 cell, and nothing written.
        using var stale = new SpreadsheetFile(exported);
        var staleRow = stale.RowOf("d001-xm-001");
        stale.SetNumber($"K{staleRow}", 100000);
        stale.SetNumber($"K{stale.RowOf("d001-xm-002")}", 10);
        var (refused, problem) = await ImportAsync(stale.Save());
        Assert.AreEqual(HttpStatusCode.BadRequest, refused, problem.ToJsonString());
        StringAssert.Contains(problem["errors"]![$"Q{staleRow}"]![0]!.GetValue<string>(), "changed since the export");
        var after = await ProjectsAsync();
        Assert.AreEqual(350000m, after["d001-xm-001"].Disbursed);
        Assert.AreEqual(0m, after["d001-xm-002"].Disbursed, "the valid row of a refused file is not written either");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ProjectsLedger_RefusesBadCellsAndUnitsOfAnotherOffice_NamingEachCell_AndWritesNothing()
    {
        using var file = new SpreadsheetFile(await ExportAsync());
        var before = (await ProjectsAsync()).Count;
        var next = file.Rows.Count + 1;
        Fill(file, next, "d001-xm-bad-1", "年度写错", "d001-tw-shiyuan", "交通", 2016, "县级", 1000, 0, "已完工", 100, "2016-01-01");
        file.SetText($"H{next}", "二〇一六");
        Fill(file, next + 1, "d001-xm-bad-2", "别的区的乡镇", "d002-tw-shiyuan", "交通", 2016, "省里", 1000, 2000, "在建", 50, "2016-13-01");

        var (status, problem) = await ImportAsync(file.Save());
        Assert.AreEqual(HttpStatusCode.BadRequest, status, problem.ToJsonString());
        var errors = problem["errors"]!.AsObject();
        StringAssert.StartsWith(errors[$"H{next}"]![0]!.GetValue<string>(), $"第{next}行 H列（年度）");
        StringAssert.StartsWith(errors[$"N{next + 1}"]![0]!.GetValue<string>(), $"第{next + 1}行 N列（开工日期）");
        Assert.AreEqual((await ProjectsAsync()).Count, before, "nothing written");

        // With the cells readable, the project rules name the rest: another office's township, an unknown funding level, disbursed > allocated.
        using var second = new SpreadsheetFile(await ExportAsync());
        Fill(second, next, "d001-xm-bad-2", "别的区的乡镇", "d002-tw-shiyuan", "交通", 2016, "省里", 1000, 2000, "在建", 50, "2016-03-01");
        var (again, rules) = await ImportAsync(second.Save());
        Assert.AreEqual(HttpStatusCode.BadRequest, again, rules.ToJsonString());
        var named = rules["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { $"C{next}", $"I{next}", $"K{next}" }, named, rules.ToJsonString());
        Assert.AreEqual((await ProjectsAsync()).Count, before, "nothing written");

        using var unit = Host.Client("dev-unit-fupin-key");
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await unit.GetAsync(new Uri($"api/projects/ledger.xlsx?officeId={Office}", UriKind.Relative), Ct)).StatusCode,
            "the projects ledger file is for the office");
        using var client = Host.Client(TestKeys.Operator);
        Assert.AreEqual(HttpStatusCode.NotFound,
            (await client.GetAsync(new Uri("api/projects/ledger.xlsx?officeId=no-such-office", UriKind.Relative), Ct)).StatusCode);
    }

    private static void Fill(
        SpreadsheetFile file, int row, string id, string name, string townshipId, string category, int year, string funding,
        decimal allocated, decimal disbursed, string status, int percent, string? startedOn)
    {
        file.SetText($"A{row}", id);
        file.SetText($"B{row}", name);
        file.SetText($"C{row}", townshipId);
        file.SetText($"G{row}", category);
        file.SetNumber($"H{row}", year);
        file.SetText($"I{row}", funding);
        file.SetNumber($"J{row}", (double)allocated);
        file.SetNumber($"K{row}", (double)disbursed);
        file.SetText($"L{row}", status);
        file.SetNumber($"M{row}", percent);
        if (startedOn is not null)
        {
            file.SetText($"N{row}", startedOn);
        }
    }

    private async Task<byte[]> ExportAsync()
    {
        using var client = Host.Client(TestKeys.Operator);
        var response = await client.GetAsync(new Uri($"api/projects/ledger.xlsx?officeId={Office}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(SpreadsheetFile.MediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(byte[] file)
    {
        using var client = Host.Client(TestKeys.Operator);
        using var content = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue(SpreadsheetFile.MediaType) } };
        var response = await client.PostAsync(new Uri($"api/projects/ledger.xlsx?officeId={Office}", UriKind.Relative), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<Dictionary<string, ProjectView>> ProjectsAsync()
    {
        using var client = Host.Client(TestKeys.Operator);
        return (await client.ProjectsAsync(Office)).ToDictionary(p => p.Id);
    }
}
