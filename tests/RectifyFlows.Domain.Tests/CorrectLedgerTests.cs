using RectifyFlows.Domain.Measures;
using static RectifyFlows.Domain.Tests.TestMeasures;

namespace RectifyFlows.Domain.Tests;

/// <summary>The office's ledger correction (the Excel import's lifecycle step).</summary>
[TestClass]
public sealed class CorrectLedgerTests
{
    private static readonly DateTimeOffset Now = new(2017, 3, 15, 2, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CorrectLedger_ChangesNothing_WhenProgressAndDueDateMatch()
    {
        var measure = NewMeasure(status: MeasureStatus.EvidenceSubmitted) with { Progress = 100 };

        var outcome = MeasureLifecycle.CorrectLedger(measure, 100, measure.DueDate, Now);

        Assert.AreSame(measure, outcome.Measure, "an untouched row must not produce a write");
        Assert.AreEqual(0, outcome.Transitions.Count);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CorrectLedger_MovesTheDueDate_WithoutCountingAsUnitActivity()
    {
        var measure = NewMeasure(status: MeasureStatus.EvidenceSubmitted);

        var outcome = MeasureLifecycle.CorrectLedger(measure, measure.Progress, new DateOnly(2017, 6, 30), Now);

        Assert.AreEqual(new DateOnly(2017, 6, 30), outcome.Measure.DueDate);
        Assert.AreEqual(measure.Version + 1, outcome.Measure.Version);
        Assert.IsNull(outcome.Measure.LastActivityAt, "the idle rule looks at the unit's activity, not the office's edits");
        Assert.AreEqual(MeasureStatus.EvidenceSubmitted, outcome.Measure.Status);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CorrectLedger_ReportsProgressLikeAUnit_AndMovesTheDueDate_InOneVersion()
    {
        var outcome = MeasureLifecycle.CorrectLedger(NewMeasure(), 30, new DateOnly(2017, 5, 31), Now);

        Assert.AreEqual(MeasureStatus.InProgress, outcome.Measure.Status);
        Assert.AreEqual(30, outcome.Measure.Progress);
        Assert.AreEqual(new DateOnly(2017, 5, 31), outcome.Measure.DueDate);
        Assert.AreEqual(2, outcome.Measure.Version);
        Assert.AreEqual(MeasureStatus.InProgress, outcome.Transitions.Single().To);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CorrectLedger_MovesTheNextReview_OfAVerifiedLongTermMeasure()
    {
        var measure = NewMeasure(MeasureKind.LongTerm, MeasureStatus.InProgress) with { NextReview = new DateOnly(2017, 6, 15) };

        var outcome = MeasureLifecycle.CorrectLedger(measure, measure.Progress, new DateOnly(2017, 9, 15), Now);

        Assert.AreEqual(new DateOnly(2017, 9, 15), outcome.Measure.EffectiveDueDate);
        Assert.AreEqual(measure.DueDate, outcome.Measure.DueDate);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CorrectLedger_Refuses_ProgressUnderReview_AndTheDueDateOfASignedOffMeasure()
    {
        var underReview = NewMeasure(status: MeasureStatus.EvidenceSubmitted);
        var signedOff = NewMeasure(status: MeasureStatus.SignedOff) with { Progress = 100 };

        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.CorrectLedger(underReview, 50, underReview.DueDate, Now));
        Assert.ThrowsExactly<IllegalTransitionException>(() => MeasureLifecycle.CorrectLedger(signedOff, 100, new DateOnly(2018, 1, 1), Now));
    }
}
