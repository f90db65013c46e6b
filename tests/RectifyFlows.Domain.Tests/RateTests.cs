using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class RateTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Completion_TruncatesByDefault_AsTheReportPrints60Point08()
    {
        // 405 / 674 = 60.0890…%: the report prints 60.08%, which rounding to nearest (60.09%) never gives.
        Assert.AreEqual("60.08%", Rate.Completion(405, 674).ToString());
        Assert.AreEqual("60.09%", Rate.Completion(405, 674, new RateFormat { Rounding = RateRounding.HalfAwayFromZero }).ToString());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(12, 14, 2, "85.71%")] // relocation sites completed
    [DataRow(147, 147, 2, "100.00%")] // all 2016 projects started
    [DataRow(0, 23, 2, "0.00%")] // 2014–2015 projects not started, after
    [DataRow(613, 674, 1, "90.9%")] // completion after, printed with one decimal
    [DataRow(123, 129, 0, "95%")] // village renovation after, printed without decimals
    public void Completion_PrintsTheConfiguredDecimals(int completed, int total, int decimals, string expected)
    {
        Assert.AreEqual(expected, Rate.Completion(completed, total).ToString(new RateFormat { Decimals = decimals }));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ARateOfNothing_IsNoData_NotZero()
    {
        var rate = Rate.Completion(0, 0);
        Assert.IsFalse(rate.HasData);
        Assert.AreEqual("—", rate.ToString());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(RateRounding.Truncate, "60.08")]
    [DataRow(RateRounding.HalfAwayFromZero, "60.09")]
    [DataRow(RateRounding.HalfToEven, "60.09")]
    public void EveryRoundingMode_StatesItselfInChinese(RateRounding rounding, string printed)
    {
        var format = new RateFormat { Rounding = rounding };
        Assert.AreEqual(printed + "%", Rate.Completion(405, 674, format).ToString());
        StringAssert.Contains(format.Describe(), "保留2位小数");
    }
}
