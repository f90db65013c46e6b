using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Projects;

namespace RectifyFlows.Storage.Tests;

[TestClass]
public sealed class ProjectProgressStorageTests : LedgerTests
{
    private static Project Project(int n) => new()
    {
        Id = $"tw-a-2016-0{n}", UnitId = "tw-a", Name = $"项目{n}", Year = 2016, Status = "notStarted", Percent = 0, Allocated = 500_000m, Disbursed = 0,
    };

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ApplyProgressAsync_AppliesEveryEventOnceWithAnAuditRow_WhenTenEventsRace()
    {
        var projects = Ledger.Get<ProjectRepository>();
        Assert.IsFalse((await projects.ImportAsync("d1", [Project(1), Project(2)], "test", DateTimeOffset.UtcNow, "import", Ct)).HasErrors);

        var events = Enumerable.Range(1, 10).Select(n => new ProjectProgress($"evt-{n}", "tw-a-2016-01", "tw-a", "underConstruction", n * 5, n * 1000m)).ToList();
        await Task.WhenAll(events.Select(e => Task.Run(() => projects.ApplyProgressAsync("d1", e, "webhook:tw-a", DateTimeOffset.UtcNow, null, Ct))));
        var last = new ProjectProgress("evt-11", "tw-a-2016-01", "tw-a", "completed", 100, 400_000m);
        await projects.ApplyProgressAsync("d1", last, "webhook:tw-a", DateTimeOffset.UtcNow, null, Ct);
        await projects.ApplyProgressAsync("d1", last, "webhook:tw-a", DateTimeOffset.UtcNow, null, Ct);

        var audit = await projects.AuditAsync("d1", "tw-a-2016-01", Ct);
        Assert.HasCount(11, audit.Where(e => e.Action == "progress"), "one audit row per event; the last event applied again (a retry after a crash) changed nothing");
        var listed = await projects.ListByDistrictAsync("d1", Ct);
        Assert.HasCount(2, listed, "audit rows share the partition but are not projects");
        Assert.AreEqual(400_000m, listed.Single(p => p.Id == "tw-a-2016-01").Disbursed);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task ApplyProgressAsync_WritesNothing_WhenDisbursedExceedsAllocated()
    {
        var projects = Ledger.Get<ProjectRepository>();
        Assert.IsFalse((await projects.ImportAsync("d1", [Project(1)], "test", DateTimeOffset.UtcNow, "import", Ct)).HasErrors);
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);

        var (errors, _) = await projects.ApplyProgressAsync("d1", new ProjectProgress("evt-1", "tw-a-2016-01", "tw-a", "underConstruction", 50, 600_000m),
            "webhook:tw-a", DateTimeOffset.UtcNow, null, Ct);

        Assert.IsTrue(errors.ToDictionary().ContainsKey("disbursed"));
        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true);
    }
}
