using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Storage.Tests;

/// <summary>The issuing office of a plan: what the store keeps and how the cycles list one office's plans and units.</summary>
[TestClass]
public sealed class PlanOfficeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AFormatOnePlan_BelongsToItsDistrictsOffice_AsAnInspectionAnswer()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        var ct = TestContext.CancellationToken;
        var seed = TestPlans.Read(TestPlans.SeedDocument());
        var other = TestPlans.Read(TestPlans.District(1));
        await ledger.Get<PlanImporter>().ImportAsync(seed, "test", ct);
        await ledger.Get<PlanImporter>().ImportAsync(other, "test", ct);

        var view = (await ledger.Get<PlanRepository>().GetAsync(seed.Id, ct))!;
        Assert.AreEqual("ganxian", view.OfficeId);
        Assert.AreEqual("赣州市赣县区", view.OfficeName);
        Assert.AreEqual(PlanSourceKind.Inspection, view.SourceKind);
        Assert.AreEqual("巡视", view.SourceKind.DisplayName());

        var directory = ledger.Get<PlanDirectoryRepository>();
        var ofGanxian = await directory.ListByOfficeAsync("ganxian", ct);
        Assert.AreEqual(seed.Id, ofGanxian.Single().PlanId, "one office's listing holds only its own plans");
        Assert.AreEqual("赣州市赣县区", ofGanxian.Single().OfficeName);
        Assert.AreEqual(2, (await directory.ListOfficesAsync(ct)).Count);

        var units = await ledger.Get<UnitRepository>().ListByOfficeAsync("ganxian", ct);
        Assert.AreEqual(seed.Units.Count, units.Count);
        Assert.IsFalse(units.Any(u => other.Units.Any(o => o.Id == u.RowKey)), "another office's units stay out of the listing");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ATownshipPlan_ReferencesTheDistrictsUnits_WithoutOverwritingThemOrTheirContacts()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        var ct = TestContext.CancellationToken;
        var importer = ledger.Get<PlanImporter>();
        var units = ledger.Get<UnitRepository>();
        await importer.ImportAsync(TestPlans.Read(TestPlans.SeedDocument()), "test", ct);
        var townshipBefore = (await units.GetAsync("tw-shiyuan", ct))!.Unit;
        var districtBefore = (await units.GetAsync("ganxian", ct))!.Unit;

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
        var first = await importer.ImportAsync(township, "test", ct);
        var second = await importer.ImportAsync(TestPlans.Read(careless), "test", ct);

        Assert.AreEqual(PlanImportOutcome.Created, first.Outcome);
        CollectionAssert.IsSubsetOf(new[] { "ganxian", "tw-shiyuan", "vil-shazhou", "sy-fupin" }, second.UnitsKept.ToArray(),
            "every unit another plan owns is kept, and reported as kept");
        var townshipAfter = (await units.GetAsync("tw-shiyuan", ct))!;
        Assert.AreEqual(System.Text.Json.JsonSerializer.Serialize(townshipBefore), System.Text.Json.JsonSerializer.Serialize(townshipAfter.Unit));
        Assert.AreEqual(System.Text.Json.JsonSerializer.Serialize(districtBefore), System.Text.Json.JsonSerializer.Serialize((await units.GetAsync("ganxian", ct))!.Unit));
        Assert.IsTrue(townshipAfter.Officials.Any(o => o.Id == "off-sy-secretary"), "the township plan's own officials join the township");
        Assert.IsTrue(townshipAfter.Teams.Any(t => t.Id == "sy-team-1"), "the township office's supervision team is kept at the office");

        var view = (await ledger.Get<PlanRepository>().GetAsync(township.Id, ct))!;
        Assert.AreEqual("tw-shiyuan", view.OfficeId);
        Assert.AreEqual("石芫乡", view.OfficeName);
        Assert.AreEqual(PlanSourceKind.EffectivenessAssessment, view.SourceKind);
        CollectionAssert.AreEqual(new[] { "sy-fupin", "sy-cunjian" }, view.Measures.Single(m => m.Id == "sy-p1-m1").LeadUnitIds.ToArray());

        var officeUnits = (await units.ListByOfficeAsync("tw-shiyuan", ct)).Select(u => u.RowKey).ToList();
        CollectionAssert.IsSubsetOf(new[] { "tw-shiyuan", "vil-shazhou", "sy-fupin", "sy-cunjian", "sy-village-branches" }, officeUnits);
        Assert.IsFalse((await units.ListByOfficeAsync("ganxian", ct)).Any(u => u.RowKey.StartsWith("sy-", StringComparison.Ordinal)),
            "the district's listing is unchanged by the township plan");
        Assert.AreEqual("tw-shiyuan", (await ledger.Get<PlanDirectoryRepository>().ListByOfficeAsync("tw-shiyuan", ct))[0].OfficeId);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AGroup_ResolvesToEveryVillageOfItsTownship_IncludingOneAddedLater()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        var ct = TestContext.CancellationToken;
        var importer = ledger.Get<PlanImporter>();
        var resolver = ledger.Get<UnitGroupResolver>();
        await importer.ImportAsync(TestPlans.Read(TestPlans.TownshipDocument()), "test", ct);

        CollectionAssert.AreEqual(new[] { "vil-shazhou" }, (await resolver.MembersAsync("sy-village-branches", ct)).ToArray(),
            "before the district plan: the villages the township plan knows");

        await importer.ImportAsync(TestPlans.Read(TestPlans.SeedDocument()), "test", ct);
        var seedVillages = new[] { "vil-079", "vil-080", "vil-081", "vil-082", "vil-shazhou" };
        CollectionAssert.AreEqual(seedVillages, (await resolver.MembersAsync("sy-village-branches", ct)).ToArray());

        var withNewVillage = TestPlans.SeedDocument();
        withNewVillage.Units!.Add(new Domain.Plans.UnitDocument { Id = "vil-new", Name = "石芫新村", Kind = "village", ParentId = "tw-shiyuan" });
        await importer.ImportAsync(TestPlans.Read(withNewVillage), "test", ct);

        CollectionAssert.AreEqual(seedVillages.Append("vil-new").Order(StringComparer.Ordinal).ToArray(),
            (await resolver.MembersAsync("sy-village-branches", ct)).ToArray(), "a village added later is included");
        CollectionAssert.AreEqual(new[] { "sy-fupin", "vil-079", "vil-080", "vil-081", "vil-082", "vil-new", "vil-shazhou" },
            (await resolver.ExpandAsync(["sy-fupin", "sy-village-branches", "vil-shazhou"], ct)).ToArray());
    }
}
