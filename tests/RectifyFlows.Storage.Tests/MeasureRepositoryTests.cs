using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Tests;

[TestClass]
public sealed class MeasureRepositoryTests : LedgerTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task UpdateAsync_LosesNothing_WhenTwentyWritersRaceOnOneMeasure()
    {
        var (repository, id) = await ImportDistrictAsync();

        var writers = Enumerable.Range(1, 20).Select(percent => Task.Run(() => repository.UpdateAsync(
            id, $"writer-{percent}", m => new MeasureChange(MeasureLifecycle.ReportProgress(m, percent, DateTimeOffset.UtcNow), "progress"),
            Ct)));
        var results = await Task.WhenAll(writers);

        var found = (await repository.GetWithHistoryAsync(id, Ct))!;
        Assert.IsTrue(results.All(r => r is not null));
        Assert.AreEqual(1 + 20, found.Measure.Version, "every update was applied exactly once");
        var progressEvents = found.History.Where(e => e.Action == "progress").ToList();
        Assert.AreEqual(20, progressEvents.Count);
        CollectionAssert.AreEquivalent(
            Enumerable.Range(1, 20).Select(p => $"writer-{p}").ToArray(), progressEvents.Select(e => e.Actor).ToArray());
        Assert.AreEqual(1, progressEvents.Count(e => e.FromStatus == "NotStarted"), "only the first writer started the work");
        Assert.AreEqual(progressEvents[^1].Changes["progress"][1], found.Measure.Progress.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task UpdateAsync_ChangesNothing_WhenTheTransitionIsIllegal()
    {
        var (repository, id) = await ImportDistrictAsync();
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);

        await Assert.ThrowsExactlyAsync<IllegalTransitionException>(() => repository.UpdateAsync(id, "office",
            m => new MeasureChange(MeasureLifecycle.Accept(m, new DateOnly(2017, 3, 1), DateTimeOffset.UtcNow, "ok"), "signoff"),
            Ct));

        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ListByUnitAsync_ReadsOnePartition_InOneRequest()
    {
        await ImportAsync(TestPlans.SeedDocument());
        var repository = Ledger.Get<MeasureRepository>();

        List<Measure> measures;
        int requests;
        using (var counter = StorageRequestCounter.Begin())
        {
            measures = await repository.ListByUnitAsync("dept-fupin", null, Ct).ToListAsync(Ct);
            requests = counter.Requests;
        }

        Assert.AreEqual(1, requests);
        var plan = TestPlans.Read(TestPlans.SeedDocument());
        CollectionAssert.AreEquivalent(
            plan.Measures.Where(m => m.Involves("dept-fupin")).Select(m => m.Id).ToArray(),
            measures.Select(m => m.Id).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ListOverdueAsync_DropsASignedOffMeasure_AndFollowsAReturnsNewDueDate()
    {
        await ImportAsync(TestPlans.SeedDocument());
        var repository = Ledger.Get<MeasureRepository>();
        var asOf = new DateOnly(2017, 4, 1);
        var overdue = await repository.ListOverdueAsync(asOf, Ct).ToListAsync(Ct);
        Assert.AreEqual(0, overdue.Count, "every measure's evidence was submitted on time: the clock stopped while it awaits sign-off");

        var today = new DateOnly(2017, 4, 1);
        await repository.UpdateAsync("p1-m1", "office", m => new MeasureChange(MeasureLifecycle.Accept(m, today, DateTimeOffset.UtcNow, "ok"), "signoff"),
            Ct);
        await repository.UpdateAsync("p1-m2", "office",
            m => new MeasureChange(MeasureLifecycle.Return(m, today, new DateOnly(2017, 5, 31), DateTimeOffset.UtcNow, "redo"), "return"),
            Ct);
        await repository.UpdateAsync("p2-m1", "office",
            m => new MeasureChange(MeasureLifecycle.Return(m, today, null, DateTimeOffset.UtcNow, "redo"), "return"),
            Ct);

        var ids = (await repository.ListOverdueAsync(asOf, Ct).ToListAsync(Ct)).Select(m => m.Id).ToList();
        CollectionAssert.AreEqual(new[] { "p2-m1" }, ids, "a return restarts the clock; a signed-off measure and one with a new due date are not overdue");
        var june = await repository.ListOverdueAsync(new DateOnly(2017, 6, 1), Ct).ToListAsync(Ct);
        Assert.AreEqual(MeasureStatus.Returned, june.Single(m => m.Id == "p1-m2").Status);
    }

    /// <summary>Imports the test district and returns the measure repository with the id of its first measure.</summary>
    private async Task<(MeasureRepository Repository, string MeasureId)> ImportDistrictAsync()
    {
        var document = TestPlans.District(1);
        await ImportAsync(document);
        return (Ledger.Get<MeasureRepository>(), TestPlans.FirstMeasure(document).Id!);
    }
}
