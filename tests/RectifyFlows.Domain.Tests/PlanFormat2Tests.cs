using System.Text;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Tests;

/// <summary>Plan format 2: offices, source kinds, several lead units, groups, referenced units, provenance, projects.</summary>
[TestClass]
public sealed class PlanFormat2Tests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Generator_CopiesAFormat2TownshipPlan_EveryReferencedIdPrefixed_AndEachCopyValid()
    {
        var copies = SyntheticPlanGenerator.Generate(TestPlans.TownshipDocument(), 2).Select(d => PlanReader.Validate(d)).ToList();

        Assert.IsTrue(copies.All(c => c.IsValid), string.Join("\n", copies.Select(Describe)));
        var second = copies[1].Plan!;
        Assert.AreEqual("d002-tw-shiyuan", second.OfficeId);
        StringAssert.Contains(second.OfficeName, "合成002");
        Assert.AreEqual(PlanSourceKind.EffectivenessAssessment, second.SourceKind);
        CollectionAssert.AreEqual(new[] { "d002-sy-fupin", "d002-sy-cunjian" }, second.Measures.Single(m => m.Id == "d002-sy-p1-m1").LeadUnitIds.ToArray());
        Assert.AreEqual(UnitKind.Village, second.Units.Single(u => u.Id == "d002-sy-village-branches").GroupOf);
        CollectionAssert.AreEquivalent(new[] { "d002-ganxian", "d002-tw-shiyuan", "d002-vil-shazhou" }, second.ReferencedUnitIds.ToArray());
        Assert.IsTrue(second.Projects.Count > 0 && second.Projects.All(p => p.Id.StartsWith("d002-", StringComparison.Ordinal)
            && p.UnitId == "d002-tw-shiyuan" && p.Provenance == Provenance.Synthetic));
        var ids = copies.SelectMany(c => c.Plan!.Units.Select(u => u.Id).Concat(c.Plan.Measures.Select(m => m.Id))).ToList();
        Assert.AreEqual(ids.Count, ids.Distinct(StringComparer.Ordinal).Count(), "no id shared between copies");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_AcceptsTheTownshipExample_WithItsOfficeSourceLeadsAndGroup()
    {
        var result = PlanReader.Read(File.ReadAllBytes(RepositoryFiles.TownshipExamplePlan));

        Assert.IsTrue(result.IsValid, Describe(result));
        var plan = result.Plan!;
        Assert.AreEqual("tw-shiyuan", plan.OfficeId);
        Assert.AreEqual("石芫乡", plan.OfficeName);
        Assert.AreEqual("ganxian", plan.DistrictId);
        Assert.AreEqual(PlanSourceKind.EffectivenessAssessment, plan.SourceKind);
        Assert.AreEqual("成效考核", plan.SourceKind.DisplayName());
        Assert.AreEqual("江西省扶贫开发领导小组", plan.SourceIssuer);

        var twoLeads = plan.Measures.Single(m => m.Id == "sy-p1-m1");
        CollectionAssert.AreEqual(new[] { "sy-fupin", "sy-cunjian" }, twoLeads.LeadUnitIds.ToArray());
        Assert.AreEqual("sy-fupin", twoLeads.LeadUnitId, "the first lead unit is the one addressed first");
        CollectionAssert.AreEqual(new[] { "sy-fupin", "sy-cunjian", "sy-village-branches" }, twoLeads.UnitIds.ToArray());

        var group = plan.Units.Single(u => u.Id == "sy-village-branches");
        Assert.AreEqual(UnitKind.Group, group.Kind);
        Assert.AreEqual(UnitKind.Village, group.GroupOf);
        Assert.AreEqual("tw-shiyuan", group.ParentId);

        CollectionAssert.AreEquivalent(new[] { "ganxian", "tw-shiyuan", "vil-shazhou" }, plan.ReferencedUnitIds.ToArray());
        Assert.IsFalse(plan.Measures.Single(m => m.Id == "sy-p1-m2").HasLeadOfficial, "format 2 allows a measure without a leading official");
        Assert.IsTrue(plan.Provenance.Any(f => f is { ItemKind: "measure", ItemId: "sy-p1-m1", Provenance: Provenance.Synthetic }));
        Assert.IsTrue(plan.Provenance.Any(f => f is { ItemKind: "project", ItemId: "sy-2016-shazhou-grid", Provenance: Provenance.Assumed }));
        Assert.AreEqual(3, plan.Projects.Count);
        Assert.AreEqual(700000m, plan.Projects.Single(p => p.Id == "sy-2016-shazhou-grid").Allocated);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_KeepsEveryFormat1FileAsItWas_OfficeIsTheDistrictAndTheSourceAnInspection()
    {
        var plan = TestPlans.Read(TestPlans.SeedDocument());

        Assert.AreEqual(plan.DistrictId, plan.OfficeId);
        Assert.AreEqual(plan.DistrictName, plan.OfficeName);
        Assert.AreEqual(PlanSourceKind.Inspection, plan.SourceKind);
        Assert.AreEqual(0, plan.ReferencedUnitIds.Count);
        Assert.IsTrue(plan.Measures.All(m => m.LeadUnitIds.Count == 1 && m.LeadUnitIds[0] == m.LeadUnitId && m.HasLeadOfficial));
        Assert.IsTrue(plan.Provenance.Any(f => f is { ItemKind: "category", Provenance: Provenance.Assumed }), "format 1's inferred categories are flagged");
        Assert.IsTrue(plan.Provenance.Any(f => f is { ItemKind: "unit", Provenance: Provenance.Synthetic }), "format 1's synthetic units are flagged");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Read_RefusesFormat2Fields_InAFormat1File_NamingEachField()
    {
        var json = Encoding.UTF8.GetString(File.ReadAllBytes(RepositoryFiles.TownshipExamplePlan))
            .Replace("\"formatVersion\": 2", "\"formatVersion\": 1", StringComparison.Ordinal);

        var errors = PlanReader.Read(Encoding.UTF8.GetBytes(json)).Errors.ToDictionary();

        StringAssert.Contains(errors["office"][0], "format 2");
        StringAssert.Contains(errors["source"][0], "format 2");
        StringAssert.Contains(errors["categories[0].problems[0].measures[0].leadUnitIds"][0], "format 2");
        Assert.IsTrue(errors.ContainsKey("units[0].reference"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_NamesEachBadFormat2Field()
    {
        var document = TestPlans.TownshipDocument();
        document.Office!.UnitId = "sy-fupin";
        document.Source!.Kind = "tour";
        var measure = TestPlans.FirstMeasure(document);
        measure.LeadUnitId = "sy-fupin";
        var second = document.Categories![1]!.Problems![0]!.Measures![0]!;
        second.LeadUnitIds = ["sy-village-branches"];
        document.Units!.Single(u => u!.Id == "sy-village-branches")!.GroupOf = null;
        document.Projects![0]!.TownshipId = "vil-shazhou";
        document.Projects[1]!.Disbursed = 9_999_999m;

        var errors = PlanReader.Validate(document).Errors.ToDictionary();

        StringAssert.Contains(errors["office.unitId"][0], "district or a township");
        StringAssert.Contains(errors["source.kind"][0], "effectivenessAssessment");
        StringAssert.Contains(errors["categories[0].problems[0].measures[0].leadUnitIds"][0], "not both");
        StringAssert.Contains(errors["categories[1].problems[0].measures[0].leadUnitIds[0]"][0], "group");
        Assert.IsTrue(errors.ContainsKey("units[6].groupOf"));
        StringAssert.Contains(errors["projects[0].townshipId"][0], "not a Township");
        StringAssert.Contains(errors["projects[1].disbursed"][0], "exceeds");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Validate_RequiresTheOffice_InFormat2()
    {
        var document = TestPlans.TownshipDocument();
        document.Office = null;

        var errors = PlanReader.Validate(document).Errors.ToDictionary();

        Assert.IsTrue(errors.ContainsKey("office"));
    }

    private static string Describe(PlanReadResult result) =>
        string.Join("; ", result.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
