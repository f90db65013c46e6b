using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Tests;

/// <summary>The projects Ledger on Azurite: bulk import, registration with ETags, one office per project id, audit rows.</summary>
[TestClass]
public sealed class ProjectLedgerTests : LedgerTests
{
    private static Project Project(string id, string township = "tw-a", decimal disbursed = 100_000m) => new()
    {
        Id = id, UnitId = township, Name = "测试项目", Category = "产业", Year = 2016, FundingLevel = "provincial",
        Status = ProjectStatuses.UnderConstruction, Percent = 40, Allocated = 500_000m, Disbursed = disbursed,
    };

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ImportAsync_WritesNewAndChangedProjectsWithAuditRows_AndNothingWhenUnchanged()
    {
        var projects = Ledger.Get<ProjectRepository>();

        Assert.IsFalse((await projects.ImportAsync("office-a", [Project("p-1"), Project("p-2")], "test", DateTimeOffset.UtcNow, "import", Ct)).HasErrors);
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);
        await projects.ImportAsync("office-a", [Project("p-1"), Project("p-2")], "test", DateTimeOffset.UtcNow, "import", Ct);
        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true, message: "an unchanged import writes nothing");

        await projects.ImportAsync("office-a", [Project("p-1", disbursed: 200_000m)], "test", DateTimeOffset.UtcNow, "import", Ct);
        Assert.AreEqual(200_000m, (await projects.GetAsync("office-a", "p-1", Ct))!.Disbursed);
        CollectionAssert.AreEqual(new[] { "import", "import" }, (await projects.AuditAsync("office-a", "p-1", Ct)).Select(e => e.Action).ToArray());
        Assert.AreEqual("office-a", await projects.FindOfficeAsync("p-2", Ct));

        var refused = await projects.ImportAsync("office-b", [Project("p-1")], "test", DateTimeOffset.UtcNow, "import", Ct);
        StringAssert.Contains(refused.ToDictionary()["projects[p-1].id"][0], "office-a");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task RegisterAsync_CreatesOnce_ReplacesOnlyWithTheCurrentETag()
    {
        var projects = Ledger.Get<ProjectRepository>();

        var (created, etag, isNew, errors) = await projects.RegisterAsync("office-a", Project("p-9"), null, "api", DateTimeOffset.UtcNow, Ct);
        Assert.IsTrue(isNew && !errors.HasErrors && created is not null && etag is not null);
        await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(() =>
            projects.RegisterAsync("office-a", Project("p-9"), null, "api", DateTimeOffset.UtcNow, Ct), "an existing id needs If-Match");

        var (_, etag2, isNew2, _) = await projects.RegisterAsync("office-a", Project("p-9", disbursed: 300_000m), etag, "api", DateTimeOffset.UtcNow, Ct);
        Assert.IsFalse(isNew2);
        await Assert.ThrowsExactlyAsync<ConcurrencyConflictException>(() =>
            projects.RegisterAsync("office-a", Project("p-9"), etag, "api", DateTimeOffset.UtcNow, Ct), "a stale ETag is refused");
        var storedRow = await Ledger.Get<FeatureTables>().Projects.GetEntityAsync<Azure.Data.Tables.TableEntity>("office-a", "p-9", cancellationToken: Ct);
        Assert.AreEqual(etag2, storedRow.Value.ETag.ToString(), "the ETag returned is the stored row's");

        var other = await projects.RegisterAsync("office-b", Project("p-9"), null, "api", DateTimeOffset.UtcNow, Ct);
        Assert.IsTrue(other.Errors.ToDictionary().ContainsKey("id"), "a project id belongs to one office");
        CollectionAssert.AreEqual(new[] { "registered", "updated" }, (await projects.AuditAsync("office-a", "p-9", Ct)).Select(e => e.Action).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task APlanFilesProjectsBlock_IsRegisteredUnderItsOffice()
    {
        var plan = TestPlans.Read(TestPlans.TownshipDocument());

        await Ledger.Get<PlanImporter>().ImportAsync(plan, "test", Ct);

        var stored = await Ledger.Get<ProjectRepository>().ListByOfficeAsync("tw-shiyuan", Ct);
        CollectionAssert.AreEquivalent(plan.Projects.Select(p => p.Id).ToArray(), stored.Select(p => p.Id).ToArray());
        Assert.AreEqual(Provenance.Assumed, stored.Single(p => p.Id == "sy-2016-shazhou-grid").Provenance);
        Assert.AreEqual(0, (await Ledger.Get<ProjectRepository>().ListByOfficeAsync("ganxian", Ct)).Count, "the district's projects are not touched");
    }
}
