using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Domain.Tests;

/// <summary>The overdue clock: evidence submitted on time stops it while it awaits sign-off; a return restarts it.</summary>
[TestClass]
public sealed class MeasureClockTests
{
    private static readonly DateOnly Due = new(2017, 3, 31);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Measure Open() => new()
    {
        Id = "m1", PlanId = "p", CategoryId = "c", ProblemId = "pr", Number = 1, Text = "措施", Kind = MeasureKind.Deadline,
        LeadOfficialId = "o", LeadUnitId = "u", StartDate = new DateOnly(2016, 10, 31), DueDate = Due,
    };

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Zone.BaseUtcOffset);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void EvidenceSubmittedOnTime_StopsTheClock_WhileItAwaitsSignOff()
    {
        var submitted = MeasureLifecycle.SubmitEvidence(Open(), At(Due)).Measure;

        Assert.IsTrue(submitted.ClockStopped);
        Assert.IsFalse(submitted.IsOverdue(Today));
        Assert.AreEqual(0, submitted.DaysOverdue(Today));
        Assert.AreEqual(Colour.Green, ColourRule.Evaluate(submitted, Today, new ColourOptions()));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void AReturn_RestartsTheClock()
    {
        var submitted = MeasureLifecycle.SubmitEvidence(Open(), At(Due.AddDays(-5))).Measure;
        var returned = MeasureLifecycle.Return(submitted, Today, null, At(Today), "成效不充分").Measure;

        Assert.IsTrue(returned.IsOverdue(Today));
        Assert.AreEqual(Today.DayNumber - Due.DayNumber, returned.DaysOverdue(Today));
        Assert.AreEqual(Colour.Red, ColourRule.Evaluate(returned, Today, new ColourOptions()));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void EvidenceSubmittedLate_StaysOverdue_WithItsDaysCountedToTheSubmission()
    {
        var late = MeasureLifecycle.SubmitEvidence(Open(), At(Due.AddDays(10))).Measure;

        Assert.IsTrue(late.IsOverdue(Today));
        Assert.AreEqual(10, late.DaysOverdue(Today));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void TheSeedsRectifiedMeasures_AreNotOverdue_AsTheReportDescribesThem()
    {
        // The import applies the file's 整改成效 as evidence submitted on its effective date (PlanImporter).
        var plan = TestPlans.Read(TestPlans.SeedDocument());
        var imported = plan.Measures
            .Select(m => MeasureLifecycle.SubmitEvidence(m, plan.Evidence.Where(e => e.MeasureId == m.Id).Max(e => e.SubmittedAt)).Measure)
            .ToList();

        var rectifiedProblems = plan.Problems.Where(p => !p.LongTerm).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.AreEqual(7, rectifiedProblems.Count, "7 problems basically rectified (基本整改到位)");
        var overdue = imported.Where(m => m.IsOverdue(Today)).Select(m => m.Id).ToList();
        Assert.AreEqual(0, overdue.Count, "overdue although rectified: " + string.Join(", ", overdue));
        Assert.IsTrue(imported.All(m => ColourRule.Evaluate(m, Today, new ColourOptions()) != Colour.Red));
    }
}
