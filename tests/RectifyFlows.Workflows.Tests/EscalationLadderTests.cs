namespace RectifyFlows.Workflows.Tests;

[TestClass]
public sealed class EscalationLadderTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Steps_FireAtNineInTheMorningChinaTime_RelativeToTheDueDate()
    {
        var steps = EscalationLadder.Steps(new DateOnly(2017, 3, 31), new EscalationLadderOptions(), new DateTimeOffset(2017, 3, 1, 0, 0, 0, TimeSpan.Zero));

        CollectionAssert.AreEqual(
            new[] { "reminder-7", "reminder-3", "reminder-1", "level1", "level2", "level3" }, steps.Select(s => s.Name).ToArray());
        Assert.AreEqual(new DateTimeOffset(2017, 3, 24, 1, 0, 0, TimeSpan.Zero), steps[0].FireAt, "7 days before, 09:00 CST = 01:00 UTC");
        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 1, 0, 0, TimeSpan.Zero), steps[3].FireAt, "level 1 on the due date");
        Assert.AreEqual(new DateTimeOffset(2017, 4, 3, 1, 0, 0, TimeSpan.Zero), steps[4].FireAt, "level 2 three days after");
        Assert.AreEqual(new DateTimeOffset(2017, 4, 7, 1, 0, 0, TimeSpan.Zero), steps[5].FireAt, "level 3 seven days after");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Steps_CountDaysFromNow_WhenADayIsCompressed()
    {
        var options = new EscalationLadderOptions { DayLength = TimeSpan.FromSeconds(2) };
        var now = new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero); // 12:00 CST, 27 Nov
        var steps = EscalationLadder.Steps(new DateOnly(2026, 11, 30), options, now);

        Assert.AreEqual(now.AddSeconds(6), steps.Single(s => s.Name == "level1").FireAt);
        Assert.AreEqual(now.AddSeconds(20), steps.Single(s => s.Name == "level3").FireAt);
    }
}
