using RectifyFlows.Domain.Measures;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class MeasureLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2017, 3, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2017, 3, 15);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ReportProgress_StartsWork_FromNotStarted()
    {
        var outcome = MeasureLifecycle.ReportProgress(TestMeasures.NewMeasure(), 40, Now);

        Assert.AreEqual(MeasureStatus.InProgress, outcome.Measure.Status);
        Assert.AreEqual(40, outcome.Measure.Progress);
        Assert.AreEqual(2, outcome.Measure.Version);
        Assert.AreEqual(new StatusTransition(MeasureStatus.NotStarted, MeasureStatus.InProgress, "progress reported"), outcome.Transitions.Single());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void SubmitEvidence_RecordsBothSteps_FromNotStarted()
    {
        var outcome = MeasureLifecycle.SubmitEvidence(TestMeasures.NewMeasure(), Now);

        Assert.AreEqual(MeasureStatus.EvidenceSubmitted, outcome.Measure.Status);
        CollectionAssert.AreEqual(
            new[] { (MeasureStatus.NotStarted, MeasureStatus.InProgress), (MeasureStatus.InProgress, MeasureStatus.EvidenceSubmitted) },
            outcome.Transitions.Select(t => (t.From, t.To)).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(MeasureStatus.NotStarted)]
    [DataRow(MeasureStatus.InProgress)]
    [DataRow(MeasureStatus.Returned)]
    [DataRow(MeasureStatus.SignedOff)]
    public void Accept_Refuses_WithoutSubmittedEvidence(MeasureStatus status)
    {
        var measure = TestMeasures.NewMeasure(status: status);
        var refused = Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.Accept(measure, Today, Now, "ok"));
        Assert.AreEqual(status, refused.Status);
        Assert.AreEqual("signoff", refused.Action);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(MeasureStatus.EvidenceSubmitted)]
    [DataRow(MeasureStatus.SignedOff)]
    public void ReportProgress_Refuses_UnderReviewOrClosed(MeasureStatus status)
    {
        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.ReportProgress(TestMeasures.NewMeasure(status: status), 50, Now));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Accept_SignsOff_ADeadlineMeasure()
    {
        var outcome = MeasureLifecycle.Accept(TestMeasures.NewMeasure(status: MeasureStatus.EvidenceSubmitted), Today, Now, "成效属实");
        Assert.AreEqual(MeasureStatus.SignedOff, outcome.Measure.Status);
        Assert.IsFalse(outcome.Measure.IsOverdue(new DateOnly(2018, 1, 1)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Accept_NeverSignsOff_ALongTermMeasure_ButSchedulesTheNextReview()
    {
        var outcome = MeasureLifecycle.Accept(TestMeasures.NewMeasure(MeasureKind.LongTerm, MeasureStatus.EvidenceSubmitted), Today, Now, "阶段性成效");

        Assert.AreEqual(MeasureStatus.InProgress, outcome.Measure.Status);
        Assert.AreEqual(new DateOnly(2017, 6, 15), outcome.Measure.NextReview);
        Assert.AreEqual(new DateOnly(2017, 6, 15), outcome.Measure.EffectiveDueDate);
        Assert.AreEqual(Today, outcome.Measure.LastVerifiedOn);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Return_MovesTheDueDate_AndWorkResumesWithProgress()
    {
        var returned = MeasureLifecycle.Return(TestMeasures.NewMeasure(status: MeasureStatus.EvidenceSubmitted), Today, new DateOnly(2017, 4, 30), Now, "证据不足").Measure;
        Assert.AreEqual(MeasureStatus.Returned, returned.Status);
        Assert.AreEqual(new DateOnly(2017, 4, 30), returned.DueDate);

        var resumed = MeasureLifecycle.ReportProgress(returned, 60, Now);
        Assert.AreEqual((MeasureStatus.Returned, MeasureStatus.InProgress), (resumed.Transitions[0].From, resumed.Transitions[0].To));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Return_Refuses_ANewDueDateInThePast()
    {
        Assert.ThrowsExactly<IllegalTransitionException>(() =>
            MeasureLifecycle.Return(TestMeasures.NewMeasure(status: MeasureStatus.EvidenceSubmitted), Today, new DateOnly(2017, 3, 1), Now, "x"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Extension_MovesTheDueDate_WhenRequestedInTimeAndApproved()
    {
        var requested = MeasureLifecycle.RequestExtension(TestMeasures.NewMeasure(status: MeasureStatus.InProgress), new DateOnly(2017, 5, 31), "资金未到位", Today, Now).Measure;
        Assert.AreEqual(new DateOnly(2017, 5, 31), requested.RequestedDueDate);
        Assert.AreEqual(new DateOnly(2017, 3, 31), requested.DueDate, "nothing moves before the decision");

        var approved = MeasureLifecycle.DecideExtension(requested, approve: true, Now).Measure;
        Assert.AreEqual(new DateOnly(2017, 5, 31), approved.DueDate);
        Assert.IsNull(approved.RequestedDueDate);

        var refused = MeasureLifecycle.DecideExtension(requested, approve: false, Now).Measure;
        Assert.AreEqual(new DateOnly(2017, 3, 31), refused.DueDate);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Extension_IsRefused_AfterTheDueDate_OrToAnEarlierDate()
    {
        var measure = TestMeasures.NewMeasure(status: MeasureStatus.InProgress);
        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.RequestExtension(measure, new DateOnly(2017, 5, 31), "x", new DateOnly(2017, 4, 1), Now));
        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.RequestExtension(measure, new DateOnly(2017, 3, 20), "x", Today, Now));
        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.DecideExtension(measure, true, Now));
    }
}
