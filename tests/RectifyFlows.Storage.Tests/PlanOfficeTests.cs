using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;
using RectifyFlows.Testing;

namespace RectifyFlows.Storage.Tests;

/// <summary>The issuing office of a plan: what the store keeps and how the cycles list one office's plans and units.</summary>
[TestClass]
public sealed class PlanOfficeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120000)]
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
}
