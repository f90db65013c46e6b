using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class RateTests
{
    [TestMethod]
    [Timeout(5000)]
    public void Disbursement_QuotesTwoDecimals_ForTheReportsFundFigure()
    {
        // 2016 industry fund: 19,523,500 yuan disbursed is quoted as 97.62% (of 20,000,000 allocated).
        var rate = Rate.Disbursement(19_523_500m, 20_000_000m);
        Assert.AreEqual(97.62m, rate.Percent);
        Assert.AreEqual("97.62%", rate.ToString());
    }

    [TestMethod]
    [Timeout(5000)]
    [DataRow(12, 14, "85.71%")] // relocation sites completed
    [DataRow(147, 147, "100.00%")] // all 2016 projects started
    [DataRow(0, 23, "0.00%")] // 2014–2015 projects not started, after
    [DataRow(5, 0, "0.00%")] // nothing allocated: no division by zero
    public void Completion_RoundsHalfAwayFromZero(int completed, int total, string expected)
    {
        Assert.AreEqual(expected, Rate.Completion(completed, total).ToString());
    }
}
