using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class ActionLifecycleTests
{
    private static readonly DateTimeOffset Opened = new(2017, 4, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly AccountabilityAction CallIn = new()
    {
        Id = "weekly-2017-w14-callin-tw-jiangkou", UnitId = "tw-jiangkou", Kind = ActionKind.CallIn, Reason = "项目推进排名后三位",
        Source = "weekly-ganxian-2017-W14", DueDate = new DateOnly(2017, 4, 10), OpenedAt = Opened,
    };

    private static ActionCompletion Report(string by) => new()
    {
        CompletedOn = new DateOnly(2017, 4, 7), Note = "已约谈镇党委书记、镇长", ReportedBy = by, ReportedAt = Opened.AddDays(4),
        Attachments = [new Attachment("约谈记录.pdf", "https://files.example.gov.cn/r.pdf")],
    };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Complete_ClosesAnOpenAction_KeepingTheReport_AndRecordingTheChange()
    {
        var done = ActionLifecycle.Complete(CallIn, Report("unit-tw-jiangkou"));

        Assert.AreEqual(ActionStatuses.Done, done.Status);
        Assert.AreEqual(new DateOnly(2017, 4, 7), done.Completion!.CompletedOn);
        Assert.AreEqual("约谈记录.pdf", done.Completion.Attachments.Single().Name);
        var change = done.History.Single();
        Assert.AreEqual(new ActionHistoryEntry(ActionLifecycle.CompleteChange, "unit-tw-jiangkou", Opened.AddDays(4), ActionStatuses.Open, ActionStatuses.Done, "已约谈镇党委书记、镇长"), change);
        Assert.AreEqual(ActionStatuses.Open, CallIn.Status, "the opened action itself is unchanged");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Complete_RefusesADoneAction_SoTheFirstReportStands()
    {
        var done = ActionLifecycle.Complete(CallIn, Report("unit-tw-jiangkou"));

        var refused = Assert.ThrowsExactly<ActionTransitionException>(() => ActionLifecycle.Complete(done, Report("dev-operator")));

        Assert.AreEqual(ActionStatuses.Done, refused.Status);
        StringAssert.Contains(refused.Detail, "已办结");
    }
}
