using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Projects;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class IntakeRecordTests
{
    private static readonly Project Project = new()
    {
        Id = "tw-shiyuan-2016-01", UnitId = "tw-shiyuan", Name = "产业扶贫项目", Status = "underConstruction", Percent = 40, Allocated = 300_000m, Disbursed = 100_000m,
    };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ProjectProgress_NamesEveryInvalidField_WhenTheBodyIsBad()
    {
        var (progress, errors) = ProjectProgress.Validate(new ProjectProgressRequest { EventId = "e1", ProjectId = "P 1", Status = "done", Percent = 150, Disbursed = -1 });

        Assert.IsNull(progress);
        CollectionAssert.AreEquivalent(new[] { "projectId", "unitId", "status", "percent", "disbursed" }, errors.ToDictionary().Keys.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ProjectProgress_RefusesCompletedBelow100_AndNotStartedAbove0()
    {
        var completed = ProjectProgress.Validate(new ProjectProgressRequest
        { EventId = "e1", ProjectId = "p1", UnitId = "u1", Status = "completed", Percent = 90, Disbursed = 0 });
        var notStarted = ProjectProgress.Validate(new ProjectProgressRequest
        { EventId = "e1", ProjectId = "p1", UnitId = "u1", Status = "notStarted", Percent = 10, Disbursed = 0 });

        Assert.IsTrue(completed.Errors.ToDictionary().ContainsKey("percent"));
        Assert.IsTrue(notStarted.Errors.ToDictionary().ContainsKey("percent"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ProjectProgress_Check_RefusesAnotherUnitsProject_AndMoreDisbursedThanAllocated()
    {
        ProjectProgress Of(string unit, decimal disbursed) => new("e1", Project.Id, unit, "underConstruction", 60, disbursed);

        Assert.IsTrue(Of("tw-meilin", 1).Check(Project).ToDictionary().ContainsKey("projectId"));
        Assert.IsTrue(Of("tw-shiyuan", 1).Check(null).ToDictionary().ContainsKey("projectId"));
        Assert.IsTrue(Of("tw-shiyuan", 300_000.01m).Check(Project).ToDictionary().ContainsKey("disbursed"));
        Assert.IsFalse(Of("tw-shiyuan", 300_000m).Check(Project).HasErrors);
        Assert.AreEqual(60, Of("tw-shiyuan", 200_000m).ApplyTo(Project).Percent);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow(19, true)]
    [DataRow(20, false)]
    public void AttendanceRecord_IsBreach_BelowTwentyDays(int days, bool breach)
    {
        var (record, errors) = AttendanceRecord.Validate(new AttendanceRequest
        { EventId = "a1", Month = "2017-03", PersonId = "cad-0001", UnitId = "tw-shiyuan", Role = "firstSecretary", DaysOnSite = days },
            unitExists: true, DateTimeOffset.UtcNow);

        Assert.IsFalse(errors.HasErrors);
        Assert.AreEqual(breach, record!.IsBreach);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void AttendanceRecord_NamesEveryInvalidField_IncludingDaysBeyondTheMonth()
    {
        var (_, errors) = AttendanceRecord.Validate(new AttendanceRequest
        { EventId = "a1", Month = "2017-02", PersonId = "cad-0001", UnitId = "tw-x", Role = "boss", DaysOnSite = 29 }, unitExists: false, DateTimeOffset.UtcNow);

        CollectionAssert.AreEquivalent(new[] { "unitId", "role", "daysOnSite" }, errors.ToDictionary().Keys.ToArray());
    }
}
