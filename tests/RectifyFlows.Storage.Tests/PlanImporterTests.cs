using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Storage.Tests;

[TestClass]
public sealed class PlanImporterTests : LedgerTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_WritesNothing_WhenTheSameFileIsImportedAgain()
    {
        var importer = Ledger.Get<PlanImporter>();
        var plan = TestPlans.Read(TestPlans.SeedDocument());

        var first = await importer.ImportAsync(plan, "test", Ct);
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);
        var second = await ImportAsync(TestPlans.SeedDocument());
        var after = await Ledger.SnapshotAsync(includeCycleTables: true);

        Assert.AreEqual(PlanImportOutcome.Created, first.Outcome);
        Assert.AreEqual(33, first.MeasuresCreated);
        Assert.AreEqual(PlanImportOutcome.Unchanged, second.Outcome);
        CollectionAssert.AreEqual(before.ToArray(), after.ToArray(), "a re-import changed stored rows or ETags");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_RecordsTheReportsEvidence_AsSubmittedWithHistory()
    {
        await ImportAsync(TestPlans.SeedDocument());

        var found = await Ledger.Get<MeasureRepository>().GetWithHistoryAsync("p1-m1", Ct);

        Assert.IsNotNull(found);
        Assert.AreEqual(MeasureStatus.EvidenceSubmitted, found.Measure.Status);
        StringAssert.Contains(found.Evidence.Single().Text, "追回资金");
        CollectionAssert.AreEqual(
            new[] { "import.created", "evidence", "evidence" },
            found.History.Select(e => e.Action).ToArray());
        Assert.AreEqual("EvidenceSubmitted", found.History[^1].ToStatus);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_OfAChangedPlan_ReadsNoUnitOneByOne_AndRewritesNoUnchangedUnit()
    {
        var importer = Ledger.Get<PlanImporter>();
        var document = TestPlans.District(1);
        var plan = TestPlans.Read(document);
        var first = await importer.ImportAsync(plan, "test", Ct);
        var unitsBefore = (await Ledger.SnapshotAsync()).Where(row => row.StartsWith(Ledger.Tables.Units.Name + "/", StringComparison.Ordinal)).ToArray();

        var changed = TestPlans.Clone(document);
        TestPlans.FirstMeasure(changed).DueDate = "2017-06-30";
        using var counter = Tables.StorageRequestCounter.Begin();
        var second = await ImportAsync(changed);

        Assert.AreEqual(plan.Units.Count, first.UnitsWritten, "a first import writes every unit, without reading them first");
        Assert.AreEqual(0, second.UnitsWritten);
        // The units' fingerprints come from the district listing (one query), not a point read per unit (issue 13).
        Assert.IsTrue(counter.Requests < plan.Units.Count, $"{counter.Requests} requests for a plan of {plan.Units.Count} units");
        var unitsAfter = (await Ledger.SnapshotAsync()).Where(row => row.StartsWith(Ledger.Tables.Units.Name + "/", StringComparison.Ordinal)).ToArray();
        CollectionAssert.AreEqual(unitsBefore, unitsAfter, "an unchanged unit was rewritten");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_UpdatesAChangedMeasure_KeepingItsStateAndAuditingTheChange()
    {
        var importer = Ledger.Get<PlanImporter>();
        var measures = Ledger.Get<MeasureRepository>();
        var document = TestPlans.District(1);
        await ImportAsync(document);
        var id = TestPlans.FirstMeasure(document).Id!;
        await measures.UpdateAsync(id, "unit", m => new MeasureChange(MeasureLifecycle.ReportProgress(m, 30, DateTimeOffset.UtcNow), "progress"),
            Ct);

        var originalDue = TestPlans.FirstMeasure(document).DueDate;
        var changed = TestPlans.Clone(document);
        TestPlans.FirstMeasure(changed).DueDate = "2017-06-30";
        var result = await importer.ImportAsync(TestPlans.Read(changed), "office", Ct);

        Assert.AreEqual(PlanImportOutcome.Updated, result.Outcome);
        Assert.AreEqual(1, result.MeasuresUpdated);
        Assert.AreEqual(0, result.MeasuresCreated);
        var found = (await measures.GetWithHistoryAsync(id, Ct))!;
        Assert.AreEqual(new DateOnly(2017, 6, 30), found.Measure.DueDate);
        Assert.AreEqual(30, found.Measure.Progress, "the live state survives a re-import");
        var update = found.History.Single(e => e.Action == "import.updated");
        Assert.AreEqual("office", update.Actor);
        CollectionAssert.AreEqual(new[] { originalDue, "2017-06-30" }, update.Changes["dueDate"]);
        var overdueAfterApril = await measures.ListOverdueAsync(new DateOnly(2017, 4, 15), Ct).ToListAsync(Ct);
        Assert.IsFalse(overdueAfterApril.Any(m => m.Id == id), "the due-date index follows the new due date");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_RefusesAMeasureIdOfAnotherPlan_AndWritesNothing()
    {
        await ImportAsync(TestPlans.District(1));
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);

        var other = TestPlans.District(2);
        TestPlans.FirstMeasure(other).Id = TestPlans.FirstMeasure(TestPlans.District(1)).Id;
        var refused = await Assert.ThrowsExactlyAsync<PlanConflictException>(
            () => ImportAsync(other));

        StringAssert.Contains(refused.Errors.Values.Single()[0], "d001-p1-m1");
        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true);
    }
}
