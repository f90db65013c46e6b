using RectifyFlows.Domain.Time;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class ChinaTimeTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void DateOf_IsTheNextDay_AfterSixteenHundredUtc()
    {
        Assert.AreEqual(new DateOnly(2017, 3, 31), ChinaTime.DateOf(new DateTimeOffset(2017, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.AreEqual(new DateOnly(2017, 4, 1), ChinaTime.DateOf(new DateTimeOffset(2017, 3, 31, 16, 0, 0, TimeSpan.Zero)));
    }
}
