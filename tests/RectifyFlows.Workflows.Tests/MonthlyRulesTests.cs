using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Inspections;

namespace RectifyFlows.Workflows.Tests;

[TestClass]
public sealed class MonthlyRulesTests
{
    private static Finding Attendance(string person, int days) =>
        new() { Kind = "attendance", Severity = "medium", PersonId = person, Subject = "驻村天数不足", Detail = "d", DaysOnSite = days };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Handling_CriticisesAndDisqualifies_AnAttendanceBreach_AndRecallsOnTheSecondMonth()
    {
        CollectionAssert.AreEqual(new[] { ActionKind.PublicCriticism, ActionKind.AwardDisqualification },
            OpenMonthlyActionsActivity.Handling(Attendance("cad-0001", 15), new HashSet<string?>()).ToArray());
        CollectionAssert.AreEqual(new[] { ActionKind.PublicCriticism, ActionKind.AwardDisqualification, ActionKind.Recall },
            OpenMonthlyActionsActivity.Handling(Attendance("cad-0001", 15), new HashSet<string?> { "cad-0001" }).ToArray());
        Assert.AreEqual(0, OpenMonthlyActionsActivity.Handling(Attendance("cad-0001", 20), new HashSet<string?>()).Count(), "20 days is enough");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void WindowClosesAt_TheEndOfTheTwentiethInChinaTime()
    {
        var closes = OpenMonthlyRoundActivity.WindowClosesAt("2017-03", new WorkflowOptions(), DateTimeOffset.UtcNow);
        Assert.AreEqual(new DateTimeOffset(2017, 3, 20, 16, 0, 0, TimeSpan.Zero), closes, "21 March 00:00 CST");
    }
}
