using System.Text;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class PlanReaderTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_AcceptsTheSeedPlan_WithTheWholeCaseOfTheReport()
    {
        var result = PlanReader.Read(File.ReadAllBytes(RepositoryFiles.SeedPlan));

        Assert.IsTrue(result.IsValid, string.Join("; ", result.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var plan = result.Plan!;
        Assert.AreEqual(3, plan.Categories.Count);
        Assert.AreEqual(9, plan.Problems.Count);
        Assert.AreEqual(2, plan.Problems.Count(p => p.LongTerm));
        Assert.AreEqual(33, plan.Measures.Count);
        var perProblem = plan.Measures.GroupBy(m => m.ProblemId).ToDictionary(g => g.Key, g => g.Count());
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["p1"] = 4, ["p2"] = 4, ["p3"] = 6, ["p4"] = 1, ["p5"] = 3, ["p6"] = 2, ["p7"] = 6, ["l1"] = 4, ["l2"] = 3 },
            perProblem);
        Assert.AreEqual(19, plan.Units.Count(u => u.Kind == UnitKind.Township));
        Assert.AreEqual(93, plan.Units.Count(u => u.Kind == UnitKind.Village && u.PoorVillage));
        Assert.AreEqual(4, plan.SupervisionTeams.Count);
        Assert.AreEqual(93, plan.Cadres.Count(c => c.Role == CadreRole.FirstSecretary));
        Assert.IsTrue(plan.Measures.Where(m => plan.Problems.Single(p => p.Id == m.ProblemId).LongTerm).All(m => m.Kind == MeasureKind.LongTerm));
        Assert.IsTrue(plan.Units.Any(u => u.Name == "石芫乡" && !u.Synthetic));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_KeepsAContactsChannelOrder_AndNamesAnUnknownChannel()
    {
        var document = TestPlans.SeedDocument();
        document.Units![1]!.Contacts![0]!.Channels = ["sms", "email"];
        var plan = TestPlans.Read(document);
        CollectionAssert.AreEqual(new[] { "sms", "email" }, plan.Units[1].Contacts[0].Channels!.ToArray());
        Assert.IsNull(plan.Units[0].Contacts[0].Channels, "no order given: the default order applies");

        document.Units[1]!.Contacts![0]!.Channels = ["sms", "fax"];
        var errors = PlanReader.Validate(document).Errors.ToDictionary();
        Assert.IsTrue(errors.ContainsKey("units[1].contacts[0].channels[1]"), string.Join("; ", errors.Keys));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_NamesTheLocation_OfBrokenJson()
    {
        var result = PlanReader.Read(Encoding.UTF8.GetBytes("""{ "formatVersion": 1, "planId": "x", "units": [ { "id": "a", """));
        Assert.IsFalse(result.IsValid);
        StringAssert.StartsWith(result.Errors.ToDictionary().Keys.Single(), "units[0]");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_NamesTheField_OfAWrongType()
    {
        var result = PlanReader.Read(Encoding.UTF8.GetBytes("""{ "formatVersion": "one" }"""));
        Assert.AreEqual("formatVersion", result.Errors.ToDictionary().Keys.Single());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_NamesEveryProblem_AtOnce()
    {
        var document = TestPlans.SeedDocument();
        var units = document.Units!;
        var measures = document.Categories![0]!.Problems![0]!.Measures!;
        measures[1]!.Id = measures[0]!.Id;                       // duplicate measure id
        measures[2]!.LeadUnitId = "no-such-unit";                // unknown unit
        measures[3]!.DueDate = "2016-01-01";                     // before the feedback date (2016-10-31)
        document.Categories[0]!.Problems![1]!.Measures![0]!.Text = null; // missing required field
        units[5]!.Id = units[4]!.Id;                             // duplicate unit id
        document.Categories[1]!.Problems![0]!.Measures![0]!.Kind = "someday"; // not a kind
        document.Title = " ";                                    // blank

        var errors = PlanReader.Validate(document).Errors.ToDictionary();

        var p = "categories[0].problems[0].measures";
        CollectionAssert.IsSubsetOf(
            new[] { $"{p}[1].id", $"{p}[2].leadUnitId", $"{p}[3].dueDate", "categories[0].problems[1].measures[0].text", "units[5].id", "categories[1].problems[0].measures[0].kind", "title" },
            errors.Keys.ToArray());
        StringAssert.Contains(errors[$"{p}[1].id"][0], "duplicate");
        StringAssert.Contains(errors[$"{p}[2].leadUnitId"][0], "no-such-unit");
        StringAssert.Contains(errors[$"{p}[3].dueDate"][0], "before the feedback date");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_RequiresTheTopLevelFields()
    {
        var errors = PlanReader.Validate(new PlanDocument()).Errors.ToDictionary();
        CollectionAssert.IsSubsetOf(
            new[] { "formatVersion", "planId", "title", "districtId", "districtName", "feedbackDate", "units", "categories" },
            errors.Keys.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_RefusesIdsThatCannotBeStorageKeys()
    {
        var document = TestPlans.SeedDocument();
        document.PlanId = "plan/../other";
        TestPlans.FirstMeasure(document).Id = "M|1";
        var errors = PlanReader.Validate(document).Errors.ToDictionary();
        Assert.IsTrue(errors.ContainsKey("planId"));
        Assert.IsTrue(errors.ContainsKey("categories[0].problems[0].measures[0].id"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public void Generate_ScalesTheSeedToAProvince_WithDistinctIds()
    {
        var plans = SyntheticPlanGenerator.Generate(TestPlans.SeedDocument(), 100).Select(TestPlans.Read).ToList();

        Assert.AreEqual(100, plans.Count);
        Assert.AreEqual(1900, plans.Sum(p => p.Units.Count(u => u.Kind == UnitKind.Township)));
        Assert.AreEqual(9300, plans.Sum(p => p.Units.Count(u => u.Kind == UnitKind.Village)));
        Assert.AreEqual(3300, plans.SelectMany(p => p.Measures).Select(m => m.Id).Distinct().Count());
        Assert.AreEqual(100, plans.Select(p => p.Id).Distinct().Count());
        Assert.IsTrue(plans.All(p => p.Units.All(u => u.Synthetic)));
    }
}
