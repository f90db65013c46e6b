using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class CyclePeriodsTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(CycleKind.Monthly, "2017-03", "2017-03-01", "2017-03-31")]
    [DataRow(CycleKind.Weekly, "2017-W14", "2017-04-03", "2017-04-09")]
    [DataRow(CycleKind.Quarterly, "2017-Q1", "2017-01-01", "2017-03-31")]
    [DataRow(CycleKind.TenDay, "2017-03-3", "2017-03-21", "2017-03-31")]
    [DataRow(CycleKind.TenDay, "2017-02-3", "2017-02-21", "2017-02-28")]
    public void Range_CoversThePeriod(CycleKind kind, string period, string first, string last)
    {
        var range = CyclePeriods.Range(kind, period);
        Assert.AreEqual((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(CycleKind.Monthly, "2017-13")]
    [DataRow(CycleKind.Weekly, "2017-W54")]
    [DataRow(CycleKind.Quarterly, "2017-Q5")]
    [DataRow(CycleKind.TenDay, "2017-03-4")]
    [DataRow(CycleKind.Monthly, "2017-3")]
    public void Range_IsNull_ForMalformedPeriods(CycleKind kind, string period)
    {
        Assert.IsNull(CyclePeriods.Range(kind, period));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ForFireTime_StartsTheCurrentMonthAndWeek_AndTheTenDaysAndQuarterJustEnded()
    {
        // 1 April 2017, 09:00 China Standard Time = 01:00 UTC.
        var fire = new DateTimeOffset(2017, 4, 1, 1, 0, 0, TimeSpan.Zero);
        Assert.AreEqual("2017-04", CyclePeriods.ForFireTime(CycleKind.Monthly, fire));
        Assert.AreEqual("2017-W13", CyclePeriods.ForFireTime(CycleKind.Weekly, fire));
        Assert.AreEqual("2017-03-3", CyclePeriods.ForFireTime(CycleKind.TenDay, fire));
        Assert.AreEqual("2017-Q1", CyclePeriods.ForFireTime(CycleKind.Quarterly, fire));
        Assert.AreEqual("2017-04-1", CyclePeriods.ForFireTime(CycleKind.TenDay, new DateTimeOffset(2017, 4, 11, 1, 0, 0, TimeSpan.Zero)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void InstanceId_IsDeterministic()
    {
        Assert.AreEqual("monthly-2017-03", CyclePeriods.InstanceId(CycleKind.Monthly, "2017-03"));
        Assert.AreEqual("tenday-2017-03-2", CyclePeriods.InstanceId(CycleKind.TenDay, "2017-03-2"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void OfficeInstanceIds_CarryTheOffice_AndParseBack()
    {
        Assert.AreEqual("monthly-tw-shiyuan-2017-03", CyclePeriods.InstanceId(CycleKind.Monthly, "2017-03", "tw-shiyuan"));
        Assert.AreEqual(((string?)null, "2017-03-2"), CyclePeriods.ParseInstanceSuffix(CycleKind.TenDay, "2017-03-2"));
        Assert.AreEqual(("tw-shiyuan", "2017-03-2"), CyclePeriods.ParseInstanceSuffix(CycleKind.TenDay, "tw-shiyuan-2017-03-2"));
        Assert.AreEqual(("ganxian", "2017-W14"), CyclePeriods.ParseInstanceSuffix(CycleKind.Weekly, "ganxian-2017-W14"));
        Assert.IsNull(CyclePeriods.ParseInstanceSuffix(CycleKind.Quarterly, "ganxian-2017-13"));
        Assert.AreEqual("2017-02", CyclePeriods.Previous(CycleKind.Monthly, "2017-03"));
        Assert.AreEqual("2016-Q4", CyclePeriods.Previous(CycleKind.Quarterly, "2017-Q1"));
    }
}
