using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Tests;

/// <summary>
/// Every figure of the Ganxian report that the projects ledger holds, reproduced from the shipped (reconstructed)
/// project rows exactly as the report prints it: rates truncated to the printed decimals (the default rounding).
/// "Before" is the inspection's snapshot (2016-09-30, assumed), "after" the report's date (2017-03-31).
/// </summary>
[TestClass]
public sealed class SeedProjectFiguresTests
{
    private static readonly DateOnly Before = new(2016, 9, 30);
    private static ProjectDataFile data = null!;

    [ClassInitialize]
    public static void Load(TestContext context)
    {
        var plan = TestPlans.Read(TestPlans.SeedDocument());
        var kinds = plan.Units.ToDictionary(u => u.Id, u => u.Kind, StringComparer.Ordinal);
        data = ProjectDataFile.Read(File.ReadAllBytes(RepositoryFiles.SeedProjects), id => kinds.TryGetValue(id, out var k) ? k : null);
    }

    private static IReadOnlyList<Project> After => data.Projects;

    private static IReadOnlyList<Project> BeforeRows => data.Snapshots[Before];

    /// <summary>The report's set: central and provincial projects of 2014–2016.</summary>
    private static List<Project> CentralAndProvincial(IEnumerable<Project> rows) =>
        [.. rows.Where(p => p.FundingLevel is "central" or "provincial" && p.Year is >= 2014 and <= 2016)];

    private static string Printed(Rate rate, int decimals) => rate.ToString(RateFormat.Default with { Decimals = decimals });

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void TheDataIsMarkedReconstructed_EveryRow()
    {
        Assert.IsTrue(After.All(p => p.Provenance == Provenance.Reconstructed));
        StringAssert.StartsWith(data.Notes[0], "RECONSTRUCTED");
        Assert.AreEqual("ganxian", data.OfficeId);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Central_and_provincial_projects_2014_2016_are_674_completion_60_08_then_90_9()
    {
        var before = CentralAndProvincial(BeforeRows);
        var after = CentralAndProvincial(After);
        Assert.AreEqual(674, after.Count);
        Assert.AreEqual("60.08%", Printed(Rate.Completion(before.Count(p => p.IsCompleted), before.Count), 2));
        Assert.AreEqual("90.9%", Printed(Rate.Completion(after.Count(p => p.IsCompleted), after.Count), 1));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Projects_2014_2015_not_started_23_then_0()
    {
        Assert.AreEqual(23, CentralAndProvincial(BeforeRows).Count(p => p.Year < 2016 && !p.IsStarted));
        Assert.AreEqual(0, CentralAndProvincial(After).Count(p => p.Year < 2016 && !p.IsStarted));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Projects_2016_are_147_with_108_in_construction_or_not_started_then_all_started()
    {
        var before = CentralAndProvincial(BeforeRows).Where(p => p.Year == 2016).ToList();
        var after = CentralAndProvincial(After).Where(p => p.Year == 2016).ToList();
        Assert.AreEqual(147, after.Count);
        Assert.AreEqual(108, before.Count(p => !p.IsCompleted));
        Assert.AreEqual("100.00%", Rate.Completion(after.Count(p => p.IsStarted), after.Count).ToString(), "开工率");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Industry_fund_2016_disbursement_23_88_then_97_62_which_is_19523500_yuan()
    {
        static List<Project> Industry(IEnumerable<Project> rows) => [.. CentralAndProvincial(rows).Where(p => p.Year == 2016 && p.Category == "产业")];
        var before = Industry(BeforeRows);
        var after = Industry(After);
        Assert.AreEqual("23.88%", Rate.Disbursement(before.Sum(p => p.Disbursed), before.Sum(p => p.Allocated)).ToString());
        Assert.AreEqual("97.62%", Rate.Disbursement(after.Sum(p => p.Disbursed), after.Sum(p => p.Allocated)).ToString());
        Assert.AreEqual(19_523_500m, after.Sum(p => p.Disbursed));
        Assert.AreEqual("1952.35万元", (after.Sum(p => p.Disbursed) / 10_000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "万元");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow("村庄整治", "26.35%", 2, "95%", 0)] // poor-village renovation
    [DataRow("电网", "39.81%", 2, "100%", 0)] // rural grid upgrade
    public void Category_completion_2016_as_printed(string category, string before, int beforeDecimals, string after, int afterDecimals)
    {
        static Rate Completion(IEnumerable<Project> rows, string category)
        {
            var set = rows.Where(p => p.Year == 2016 && p.Category == category).ToList();
            return Rate.Completion(set.Count(p => p.IsCompleted), set.Count);
        }

        Assert.AreEqual(before, Printed(Completion(BeforeRows, category), beforeDecimals));
        Assert.AreEqual(after, Printed(Completion(After, category), afterDecimals));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Relocation_overall_progress_49_percent_then_12_of_14_sites_completed()
    {
        var before = BeforeRows.Where(p => p.Category == "易地搬迁").ToList();
        var after = After.Where(p => p.Category == "易地搬迁").ToList();
        Assert.AreEqual(14, after.Count);
        Assert.AreEqual(12, after.Count(p => p.IsCompleted));
        Assert.AreEqual(49m, (decimal)before.Sum(p => p.Percent) / before.Count, "总体进度为49%");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Grid_investment_46_33_million_by_the_power_company_and_700000_for_Shazhou_village_completed_2017_01_23()
    {
        var grid = After.Where(p => p.Category == "电网").ToList();
        Assert.AreEqual(46_330_000m, grid.Where(p => p.FundingLevel == "other").Sum(p => p.Allocated), "区供电分公司共计投入资金4633万元");
        var shazhou = grid.Single(p => p.VillageId == "vil-shazhou" && p.FundingLevel == "county");
        Assert.AreEqual(700_000m, shazhou.Allocated, "区财政安排70万元");
        Assert.AreEqual(new DateOnly(2017, 1, 23), shazhou.CompletedOn);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Rates_per_township_and_category_state_their_formula_and_rounding()
    {
        var (townships, categories) = ProjectRates.Breakdown(After, id => id);
        Assert.AreEqual(19, townships.Count);
        CollectionAssert.IsSubsetOf(new[] { "产业", "村庄整治", "易地搬迁", "电网" }, categories.Select(c => c.Key).ToArray());
        StringAssert.Contains(ProjectRates.Formulas(RateFormat.Default), "完成率=已完工项目数÷项目总数");
        StringAssert.Contains(ProjectRates.Formulas(RateFormat.Default), "截尾法");
    }
}
