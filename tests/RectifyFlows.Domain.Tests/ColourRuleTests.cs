using RectifyFlows.Domain.Measures;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class ColourRuleTests
{
    private static readonly ColourOptions Options = new() { BehindPlanMarginPercent = 20, IdleDays = 14 };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Evaluate_IsRed_TheDayAfterTheDueDate_UnlessSignedOff()
    {
        var measure = TestMeasures.NewMeasure(status: MeasureStatus.EvidenceSubmitted);
        Assert.AreEqual(Colour.Green, ColourRule.Evaluate(measure, new DateOnly(2017, 3, 31), Options));
        Assert.AreEqual(Colour.Red, ColourRule.Evaluate(measure, new DateOnly(2017, 4, 1), Options));
        Assert.AreEqual(Colour.Green, ColourRule.Evaluate(measure with { Status = MeasureStatus.SignedOff }, new DateOnly(2017, 4, 1), Options));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Evaluate_IsYellow_WhenProgressTrailsTheLinearPlanByMoreThanTheMargin()
    {
        // 2016-10-31 → 2017-03-31 is 151 days; on 2017-02-15 (107 days) the plan expects ~71%.
        var at = new DateTimeOffset(2017, 2, 14, 2, 0, 0, TimeSpan.Zero);
        var measure = TestMeasures.NewMeasure(status: MeasureStatus.InProgress) with { LastActivityAt = at };
        Assert.AreEqual(Colour.Yellow, ColourRule.Evaluate(measure with { Progress = 50 }, new DateOnly(2017, 2, 15), Options));
        Assert.AreEqual(Colour.Green, ColourRule.Evaluate(measure with { Progress = 55 }, new DateOnly(2017, 2, 15), Options));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Evaluate_IsYellow_WhenNothingWasReportedForLongerThanTheIdleDays()
    {
        var measure = TestMeasures.NewMeasure(status: MeasureStatus.InProgress) with
        {
            Progress = 90,
            LastActivityAt = new DateTimeOffset(2017, 1, 1, 2, 0, 0, TimeSpan.Zero),
        };
        Assert.AreEqual(Colour.Green, ColourRule.Evaluate(measure, new DateOnly(2017, 1, 15), Options));
        Assert.AreEqual(Colour.Yellow, ColourRule.Evaluate(measure, new DateOnly(2017, 1, 16), Options));
    }
}
