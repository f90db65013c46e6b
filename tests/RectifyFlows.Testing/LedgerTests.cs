using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Testing;

/// <summary>
/// The base of a test class whose every test works on tables of its own: a fresh <see cref="LedgerFixture"/> per test,
/// created before it and deleted after it, so tests of one class may run in parallel on the one Azurite. Creating the
/// tables happens outside the test's <c>[Timeout]</c>, which then counts only what the test itself does.
/// </summary>
public abstract class LedgerTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>The storage services over this test's tables.</summary>
    protected LedgerFixture Ledger { get; private set; } = null!;

    /// <summary>Cancelled when the test times out or the run is aborted.</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>Imports <paramref name="document"/> as the actor "test", as the plan verb and the API would.</summary>
    protected Task<PlanImportResult> ImportAsync(PlanDocument document) => Ledger.Get<PlanImporter>().ImportAsync(TestPlans.Read(document), "test", Ct);

    [TestInitialize]
    public async Task CreateLedgerAsync() => Ledger = await LedgerFixture.CreateAsync();

    [TestCleanup]
    public async Task DeleteLedgerAsync()
    {
        if (Ledger is not null)
        {
            await Ledger.DisposeAsync();
        }
    }
}
