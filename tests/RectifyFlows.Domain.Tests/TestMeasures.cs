using RectifyFlows.Domain.Measures;

namespace RectifyFlows.Domain.Tests;

/// <summary>A measure as a plan declares it, for the rules that judge one (lifecycle, colour).</summary>
internal static class TestMeasures
{
    public static Measure NewMeasure(MeasureKind kind = MeasureKind.Deadline, MeasureStatus status = MeasureStatus.NotStarted) => new()
    {
        Id = "p1-m1",
        PlanId = "plan",
        CategoryId = "a",
        ProblemId = "p1",
        Number = 1,
        Text = "整改措施",
        Kind = kind,
        LeadOfficialId = "off-1",
        LeadUnitId = "dept-a",
        ResponsibleUnitIds = ["dept-a", "tw-b"],
        StartDate = new DateOnly(2016, 10, 31),
        DueDate = new DateOnly(2017, 3, 31),
        ReviewEveryMonths = kind == MeasureKind.LongTerm ? 3 : null,
        Status = status,
        Version = 1,
    };
}
