using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Units;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Tests;

/// <summary>Attendance as the report runs it, strikes per person, Chinese report terms and the roll-up across offices.</summary>
[TestClass]
public sealed class OfficeRulesTests
{
    private static readonly DateTimeOffset Now = new(2017, 4, 2, 1, 0, 0, TimeSpan.Zero);

    private static InspectionResult Result(string team, string unit, params Finding[] findings) => new()
    {
        EventId = $"r-{team}", Month = "2017-04", TeamId = team, UnitId = unit, InspectedAt = Now, ReceivedAt = Now, Findings = findings,
    };

    private static Finding Attendance(string person, int days) =>
        new() { Kind = "attendance", Severity = "medium", PersonId = person, Subject = "驻村天数不足", Detail = "查签到簿", DaysOnSite = days };

    private static AttendanceRecord Record(string person, int days) => new()
    {
        EventId = $"a-{person}", Month = "2017-03", PersonId = person, UnitId = "vil-a", Role = "firstSecretary", DaysOnSite = days, ReceivedAt = Now,
    };

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void AprilsCycle_JudgesMarch_FromTheTeamsAndTheTownshipsReportAlike_OncePerPerson()
    {
        Assert.AreEqual("2017-03", MonthlyAttendance.JudgedMonth("2017-04"));
        Assert.AreEqual("2016-12", MonthlyAttendance.JudgedMonth("2017-01"));

        var breaches = AttendanceJudgement.Breaches(
            [Result("team-1", "vil-b", Attendance("cad-1", 12), Attendance("cad-2", 20)), Result("team-2", "vil-b", Attendance("cad-1", 12))],
            [Record("cad-1", 11), Record("cad-3", 15), Record("cad-4", 25)],
            minimumDaysOnSite: 20);

        CollectionAssert.AreEqual(new[] { ("cad-1", AttendanceSource.Team), ("cad-3", AttendanceSource.TownshipReport) },
            breaches.Select(b => (b.PersonId, b.Source)).ToArray(), "a team's finding first, a township's record for the others; 20 days is enough");

        // The minimum is a setting: at 16 days, 15 is short and nobody else is.
        Assert.AreEqual(1, AttendanceJudgement.Breaches([], [Record("cad-3", 15), Record("cad-5", 16)], 16).Count);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ATownshipReportedBreach_GetsTheSameActions_AndRecallOnTheSecondMonth()
    {
        var reported = new AttendanceBreach("cad-3", "vil-a", 15, AttendanceSource.TownshipReport, "乡镇考勤报送");
        var found = reported with { Source = AttendanceSource.Team };
        CollectionAssert.AreEqual(OpenMonthlyActionsActivity.Handling(found, new HashSet<string?>()).ToArray(),
            OpenMonthlyActionsActivity.Handling(reported, new HashSet<string?>()).ToArray());
        CollectionAssert.AreEqual(new[] { ActionKind.PublicCriticism, ActionKind.AwardDisqualification, ActionKind.Recall },
            OpenMonthlyActionsActivity.Handling(reported, new HashSet<string?> { "cad-3" }).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Strikes_CountAdjacentQuarters_AndNameThePrincipalAndTheDeputy()
    {
        Assert.AreEqual(3, StrikeLadder.CountAfter(2, strike: true));
        Assert.AreEqual(1, StrikeLadder.CountAfter(null, strike: true), "a quarter that never ran resets the count");
        Assert.AreEqual(0, StrikeLadder.CountAfter(2, strike: false));
        Assert.AreEqual("2016-Q4", CyclePeriods.Previous(CycleKind.Quarterly, "2017-Q1"));

        var second = StrikeLadder.Sanctions(2);
        CollectionAssert.AreEqual(new[] { (LeaderRole.Principal, "按副科级干部管理"), (LeaderRole.Deputy, "按同级非领导干部管理") },
            second.Select(s => (s.Role, s.Description)).ToArray());
        Assert.IsTrue(StrikeLadder.Sanctions(1).All(s => s.Kind == ActionKind.WrittenSelfCriticism));
        Assert.IsTrue(StrikeLadder.Sanctions(4).All(s => s.Kind == ActionKind.Demotion));
        Assert.AreEqual("分别按副科级干部管理、同级非领导干部管理", OpenSanctionsActivity.SanctionText(2));

        Official O(string id, string role, string? name = null) => new() { Id = id, Role = role, Name = name, UnitId = "tw-a" };
        IReadOnlyList<Official> officials = [O("o1", "乡长"), O("o2", "乡党委副书记"), O("o3", "乡党委书记", "张三"), O("o4", "分管扶贫副乡长")];
        Assert.AreEqual("o3", TownshipLeaders.Find(officials, LeaderRole.Principal)?.Id);
        Assert.AreEqual("o4", TownshipLeaders.Find(officials, LeaderRole.Deputy)?.Id);
        Assert.AreEqual("主要负责人（乡党委书记 张三）", TownshipLeaders.Describe(officials[2], second[0]));
        Assert.AreEqual("分管负责人", TownshipLeaders.Describe(null, second[1]), "a township without registered officials: the role alone");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ReportTerms_AreChinese_AndHeadingsFollowTheOptions()
    {
        Assert.AreEqual("后三名", ReportTerms.Bottom(3));
        Assert.AreEqual("后五名", ReportTerms.Bottom(5));
        Assert.AreEqual("后12名", ReportTerms.Bottom(12));
        Assert.AreEqual("已报送成效", ReportTerms.Measure(Domain.Measures.MeasureStatus.EvidenceSubmitted));
        Assert.AreEqual("项目推进", ReportTerms.FindingKind("project"));
        Assert.AreEqual("严重", ReportTerms.Severity("high"));
        Assert.AreEqual("2017年第14周", ReportTerms.Period(CycleKind.Weekly, "2017-W14"));
        Assert.AreEqual("2017年3月中旬", ReportTerms.Period(CycleKind.TenDay, "2017-03-2"));
        Assert.AreEqual("2017年第1季度", ReportTerms.Period(CycleKind.Quarterly, "2017-Q1"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void RollUp_SumsTheCounts_KeepsEachOfficesTables_AndIsTheOfficesOwnReportWhenThereIsOne()
    {
        var district = new Office("ganxian", "赣县区", ["p1"], ["巡视"], ["team-1"]);
        var township = new Office("tw-shiyuan", "石芫乡", ["p2"], ["成效考核"], []);
        ReportDocument Report(Office office, int measures) => new()
        {
            Kind = "ten-day", Period = "2018-01-1", Office = office.Id, Issuer = office.Issuer, Title = $"{office.Name}旬报", GeneratedAt = Now,
            Summary = [new("整改措施", measures.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("完成率", "50.00%")],
            Tables = [new("逾期未完成措施", ["措施"], [["m1"]])],
        };

        Assert.AreEqual("石芫乡成效考核整改工作办公室", township.Issuer);
        var only = Report(district, 33);
        Assert.AreSame(only, RollUpReport.Of(CycleKind.TenDay, "2018-01-1", [(district, only)], Now));

        var rollUp = RollUpReport.Of(CycleKind.TenDay, "2018-01-1", [(district, Report(district, 33)), (township, Report(township, 4))], Now);
        var summary = rollUp.Summary.ToDictionary(f => f.Label, f => f.Value);
        Assert.AreEqual("37", summary["整改措施"]);
        Assert.IsFalse(summary.ContainsKey("完成率"), "a rate is not summed");
        Assert.IsNull(rollUp.Office);
        CollectionAssert.AreEqual(new[] { "各整改工作办公室情况", "赣县区：逾期未完成措施", "石芫乡：逾期未完成措施" }, rollUp.Tables.Select(t => t.Heading).ToArray());
        Assert.AreEqual("赣县区巡视整改工作办公室", rollUp.Tables[0].Rows[0][0]);
    }
}
