namespace RectifyFlows.Workflows.Tests.InMemory;

/// <summary>
/// Runs one office's cycle (weekly, quarterly, ten-day) in memory beside a stand-in for its period's instance, and
/// returns the cycle's final status, the activities' calls and what the period's instance was told.
/// </summary>
public static class OfficeCycleRun
{
    public sealed record Result(CycleStatus Status, CycleStatus? CustomStatus, ActivityCalls Calls, OfficeCycleDone Told);

    public static async Task<Result> RunAsync<TOrchestrator>(
        CycleKind kind, OfficePeriod office, Action<DurableTaskRegistry, ActivityCalls> fakes, CancellationToken cancellationToken)
        where TOrchestrator : class, ITaskOrchestrator
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(fakes);
        var calls = new ActivityCalls();
        await using var host = await InMemoryDurable.StartEngineAsync<TOrchestrator>(tasks => fakes(tasks, calls), cancellationToken);

        var period = CyclePeriods.InstanceId(kind, office.Period);
        await host.Client.StartAsync(InMemoryDurable.PeriodListener, null, period, cancellationToken);
        var done = await host.Client.RunAsync(typeof(TOrchestrator).Name, office, office.InstanceId(kind), cancellationToken);
        var told = (await host.Client.CompletedAsync(period, cancellationToken)).ReadOutputAs<OfficeCycleDone>()!;
        return new Result(done.ReadOutputAs<CycleStatus>()!, done.ReadCustomStatusAs<CycleStatus>(), calls, told);
    }
}
