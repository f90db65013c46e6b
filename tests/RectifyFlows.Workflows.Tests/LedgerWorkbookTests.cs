using RectifyFlows.Workflows.Reports.Xlsx;

namespace RectifyFlows.Workflows.Tests;

/// <summary>The ledger workbook's own write/read contract, without a host.</summary>
[TestClass]
public sealed class LedgerWorkbookTests
{
    private static readonly LedgerWorkbookRow[] Rows =
    [
        new("p1-m1", "1 精准帮扶政策把握和运用不够", 1, "=HYPERLINK(\"x\")", "区扶贫和移民办", "整改中", "红", 40, new DateOnly(2017, 3, 31), 10, 3),
        new("p1-m2", "1 精准帮扶政策把握和运用不够", 2, "加强培训", "区扶贫和移民办", "未启动", "黄", 0, new DateOnly(2017, 12, 31), 0, 1),
    ];

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LedgerWorkbook_ReadsBackWhatItWrote()
    {
        using var stream = new MemoryStream(LedgerWorkbook.Write(Rows));

        var read = LedgerWorkbook.Read(stream);

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        CollectionAssert.AreEqual(
            new[] { new LedgerImportRow(2, "p1-m1", 40, new DateOnly(2017, 3, 31), 3), new LedgerImportRow(3, "p1-m2", 0, new DateOnly(2017, 12, 31), 1) },
            read.Rows.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LedgerWorkbook_NamesTheCell_OfADuplicateMeasure()
    {
        using var stream = new MemoryStream(LedgerWorkbook.Write([Rows[0], Rows[0] with { Progress = 50 }]));

        var read = LedgerWorkbook.Read(stream);

        CollectionAssert.AreEqual(new[] { "A3" }, read.Errors.Keys.ToArray());
        StringAssert.Contains(read.Errors["A3"][0], "第2行已出现");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LedgerWorkbook_RefusesAnotherWorkbook_ByItsHeader()
    {
        using var stream = new MemoryStream(XlsxWriter.Write([new XlsxSheet("Sheet1", ["编号", "进度"], [["p1-m1", 50]])]));

        var read = LedgerWorkbook.Read(stream);

        Assert.IsFalse(read.IsValid);
        CollectionAssert.IsSubsetOf(new[] { "A1", "B1", "H1", "I1", "K1" }, read.Errors.Keys.ToArray());
        Assert.AreEqual(0, read.Rows.Count);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void XlsxWriter_NamesColumnsLikeASpreadsheet()
    {
        CollectionAssert.AreEqual(new[] { "A", "Z", "AA", "AZ", "BA" }, new[] { 0, 25, 26, 51, 52 }.Select(XlsxWriter.ColumnName).ToArray());
    }
}
