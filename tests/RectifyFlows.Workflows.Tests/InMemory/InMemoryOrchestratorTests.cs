namespace RectifyFlows.Workflows.Tests.InMemory;

/// <summary>
/// The base of the orchestrator tests: each test runs a real orchestrator on the in-process durable engine with fake
/// activities (<see cref="InMemoryDurable"/>), cancelled with the test.
/// </summary>
public abstract class InMemoryOrchestratorTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Cancelled when the test times out.</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>
    /// Starts the engine with <typeparamref name="TOrchestrator"/>, the <see cref="InMemoryDurable.PeriodListener"/> its
    /// office cycle tells when it ends, and what <paramref name="fakes"/> registers.
    /// </summary>
    protected Task<DurableTaskTestHost> StartEngineAsync<TOrchestrator>(Action<DurableTaskRegistry> fakes)
        where TOrchestrator : class, ITaskOrchestrator => InMemoryDurable.StartEngineAsync<TOrchestrator>(fakes, Ct);

    /// <summary>Runs one office's cycle to its end beside its period's instance (<see cref="OfficeCycleRun"/>).</summary>
    protected Task<OfficeCycleRun.Result> RunOfficeCycleAsync<TOrchestrator>(
        CycleKind kind, OfficePeriod office, Action<DurableTaskRegistry, ActivityCalls> fakes)
        where TOrchestrator : class, ITaskOrchestrator => OfficeCycleRun.RunAsync<TOrchestrator>(kind, office, fakes, Ct);
}
