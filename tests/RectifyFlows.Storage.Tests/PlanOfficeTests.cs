using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Storage.Tests;

/// <summary>The issuing office of a plan: what the store keeps and how the cycles list one office's plans and units.</summary>
[TestClass]
public sealed class PlanOfficeTests : LedgerTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AFormatOnePlan_BelongsToItsDistrictsOffice_AsAnInspectionAnswer()
    {
        var seed = TestPlans.Read(TestPlans.SeedDocument());
        var other = TestPlans.Read(TestPlans.District(1));
        await Ledger.Get<PlanImporter>().ImportAsync(seed, "test", Ct);
        await Ledger.Get<PlanImporter>().ImportAsync(other, "test", Ct);

        var view = (await Ledger.Get<PlanRepository>().GetAsync(seed.Id, Ct))!;
        Assert.AreEqual("ganxian", view.OfficeId);
        Assert.AreEqual("赣州市赣县区", view.OfficeName);
        Assert.AreEqual(PlanSourceKind.Inspection, view.SourceKind);
        Assert.AreEqual("巡视", view.SourceKind.DisplayName());

        var directory = Ledger.Get<PlanDirectoryRepository>();
        var ofGanxian = await directory.ListByOfficeAsync("ganxian", Ct);
        Assert.AreEqual(seed.Id, ofGanxian.Single().PlanId, "one office's listing holds only its own plans");
        Assert.AreEqual("赣州市赣县区", ofGanxian.Single().OfficeName);
        Assert.AreEqual(2, (await directory.ListOfficesAsync(Ct)).Count);

        var units = await Ledger.Get<UnitRepository>().ListByOfficeAsync("ganxian", Ct);
        Assert.AreEqual(seed.Units.Count, units.Count);
        Assert.IsFalse(units.Any(u => other.Units.Any(o => o.Id == u.RowKey)), "another office's units stay out of the listing");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ATownshipPlan_ReferencesTheDistrictsUnits_WithoutOverwritingThemOrTheirContacts()
    {
        var importer = Ledger.Get<PlanImporter>();
        var units = Ledger.Get<UnitRepository>();
        await ImportAsync(TestPlans.SeedDocument());
        var townshipBefore = (await units.GetAsync("tw-shiyuan", Ct))!.Unit;
        var districtBefore = (await units.GetAsync("ganxian", Ct))!.Unit;

        // The same township plan, once as written (reference: true) and once as a careless format 2 file that declares
        // the district and township itself with other contacts: neither may touch the district plan's records.
        var careless = TestPlans.TownshipDocument();
        careless.PlanId = "shiyuan-careless";
        foreach (var unit in careless.Units!.Where(u => u!.Reference == true))
        {
            unit!.Reference = null;
            unit.Contacts = [new Domain.Plans.ContactDocument { Email = "overwrite@example.org" }];
        }

        foreach (var measure in careless.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            measure!.Id = "c-" + measure.Id;
        }

        careless.Projects = [];
        var township = TestPlans.Read(TestPlans.TownshipDocument());
        var first = await importer.ImportAsync(township, "test", Ct);
        var second = await ImportAsync(careless);

        Assert.AreEqual(PlanImportOutcome.Created, first.Outcome);
        CollectionAssert.IsSubsetOf(new[] { "ganxian", "tw-shiyuan", "vil-shazhou", "sy-fupin" }, second.UnitsKept.ToArray(),
            "every unit another plan owns is kept, and reported as kept");
        var townshipAfter = (await units.GetAsync("tw-shiyuan", Ct))!;
        Assert.AreEqual(System.Text.Json.JsonSerializer.Serialize(townshipBefore), System.Text.Json.JsonSerializer.Serialize(townshipAfter.Unit));
        Assert.AreEqual(System.Text.Json.JsonSerializer.Serialize(districtBefore), System.Text.Json.JsonSerializer.Serialize((await units.GetAsync("ganxian", Ct))!.Unit));
        Assert.IsTrue(townshipAfter.Officials.Any(o => o.Id == "off-sy-secretary"), "the township plan's own officials join the township");
        Assert.IsTrue(townshipAfter.Teams.Any(t => t.Id == "sy-team-1"), "the township office's supervision team is kept at the office");

        var view = (await Ledger.Get<PlanRepository>().GetAsync(township.Id, Ct))!;
        Assert.AreEqual("tw-shiyuan", view.OfficeId);
        Assert.AreEqual("石芫乡", view.OfficeName);
        Assert.AreEqual(PlanSourceKind.EffectivenessAssessment, view.SourceKind);
        CollectionAssert.AreEqual(new[] { "sy-fupin", "sy-cunjian" }, view.Measures.Single(m => m.Id == "sy-p1-m1").LeadUnitIds.ToArray());

        var officeUnits = (await units.ListByOfficeAsync("tw-shiyuan", Ct)).Select(u => u.RowKey).ToList();
        CollectionAssert.IsSubsetOf(new[] { "tw-shiyuan", "vil-shazhou", "sy-fupin", "sy-cunjian", "sy-village-branches" }, officeUnits);
        Assert.IsFalse((await units.ListByOfficeAsync("ganxian", Ct)).Any(u => u.RowKey.StartsWith("sy-", StringComparison.Ordinal)),
            "the district's listing is unchanged by the township plan");
        Assert.AreEqual("tw-shiyuan", (await Ledger.Get<PlanDirectoryRepository>().ListByOfficeAsync("tw-shiyuan", Ct))[0].OfficeId);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AGroup_ResolvesToEveryVillageOfItsTownship_IncludingOneAddedLater()
    {
        var resolver = Ledger.Get<UnitGroupResolver>();
        await ImportAsync(TestPlans.TownshipDocument());

        CollectionAssert.AreEqual(new[] { "vil-shazhou" }, (await resolver.MembersAsync("sy-village-branches", Ct)).ToArray(),
            "before the district plan: the villages the township plan knows");

        await ImportAsync(TestPlans.SeedDocument());
        var seedVillages = new[] { "vil-079", "vil-080", "vil-081", "vil-082", "vil-shazhou" };
        CollectionAssert.AreEqual(seedVillages, (await resolver.MembersAsync("sy-village-branches", Ct)).ToArray());

        var withNewVillage = TestPlans.SeedDocument();
        withNewVillage.Units!.Add(new Domain.Plans.UnitDocument { Id = "vil-new", Name = "石芫新村", Kind = "village", ParentId = "tw-shiyuan" });
        await ImportAsync(withNewVillage);

        CollectionAssert.AreEqual(seedVillages.Append("vil-new").Order(StringComparer.Ordinal).ToArray(),
            (await resolver.MembersAsync("sy-village-branches", Ct)).ToArray(), "a village added later is included");
        CollectionAssert.AreEqual(new[] { "sy-fupin", "vil-079", "vil-080", "vil-081", "vil-082", "vil-new", "vil-shazhou" },
            (await resolver.ExpandAsync(["sy-fupin", "sy-village-branches", "vil-shazhou"], Ct)).ToArray());
    }
}
