namespace RectifyFlows.Workflows.Tests.InMemory;

/// <summary>
/// Runs a real orchestrator on the in-process durable engine (<c>DurableTaskTestHost</c>, ADR 0012) with its
/// activities replaced by fakes registered under the same <c>nameof</c> names: the orchestration's logic (order of
/// steps, timers raced against events, ContinueAsNew, custom status) is exercised in seconds, without storage or a
/// host process.
/// </summary>
public static class InMemoryDurable
{
    /// <summary>The stand-in for a period's instance across offices: completes with the first <see cref="OfficeCycleDone"/> it gets.</summary>
    public const string PeriodListener = nameof(PeriodListener);

    /// <summary>Registers a fake activity that records its input in <paramref name="calls"/> and answers with <paramref name="answer"/>.</summary>
    public static DurableTaskRegistry AddFake<TInput, TOutput>(this DurableTaskRegistry tasks, string name, ActivityCalls calls, Func<TInput, TOutput> answer)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(answer);
        return tasks.AddActivityFunc<TInput, TOutput>(name, (_, input) =>
        {
            calls.Add(name, input);
            return Task.FromResult(answer(input));
        });
    }

    /// <summary>Registers <see cref="PeriodListener"/>, so an office's cycle has a period instance to tell that it ended.</summary>
    public static DurableTaskRegistry AddPeriodListener(this DurableTaskRegistry tasks) =>
        tasks.AddOrchestratorFunc<object?, OfficeCycleDone>(PeriodListener, (context, _) => context.WaitForExternalEvent<OfficeCycleDone>(OfficeCycleDone.Name));

    /// <summary>Starts the engine with <typeparamref name="TOrchestrator"/>, the <see cref="PeriodListener"/> and what <paramref name="fakes"/> registers.</summary>
    public static Task<DurableTaskTestHost> StartEngineAsync<TOrchestrator>(Action<DurableTaskRegistry> fakes, CancellationToken cancellationToken)
        where TOrchestrator : class, ITaskOrchestrator
    {
        ArgumentNullException.ThrowIfNull(fakes);
        return DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<TOrchestrator>();
            tasks.AddPeriodListener();
            fakes(tasks);
        },
        // The engine's own default is a random port in 30000-40000, inside Linux's ephemeral range: another test's
        // outgoing connection can hold it (CI: "address already in use"). TestPorts hands out claimed ports below it.
        new DurableTaskTestHostOptions { Port = TestPorts.Next() },
        cancellationToken);
    }

    /// <summary>Starts <paramref name="orchestrator"/> under <paramref name="instanceId"/>.</summary>
    public static async Task StartAsync(this DurableTaskClient client, string orchestrator, object? input, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    /// <summary>Waits for the instance to complete and asserts it completed (not failed), returning it with its input and output.</summary>
    public static async Task<OrchestrationMetadata> CompletedAsync(this DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus, done.FailureDetails?.ErrorMessage);
        return done;
    }

    /// <summary>Runs <paramref name="orchestrator"/> to completion under <paramref name="instanceId"/>.</summary>
    public static async Task<OrchestrationMetadata> RunAsync(
        this DurableTaskClient client, string orchestrator, object? input, string instanceId, CancellationToken cancellationToken)
    {
        await client.StartAsync(orchestrator, input, instanceId, cancellationToken);
        return await client.CompletedAsync(instanceId, cancellationToken);
    }
}
