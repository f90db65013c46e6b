namespace RectifyFlows.Workflows.Tests.Escalation;

/// <summary>
/// The ladder the actions of one cycle step share (ADR 0020), in memory: each step goes to the members still open
/// and drops those it finds done, the ladder ends when none is left, and a change reloads the members.
/// </summary>
[TestClass]
public sealed class SharedLadderOrchestratorTests : InMemoryOrchestratorTests
{
    private const string Ladder = "escalation-actions-monthly-d001-2017-03-20170420";
    private static readonly DateOnly DueDate = new(2017, 4, 20);
    private static readonly ItemRef A = ItemRef.Action("tw-a", "a-1", Ladder);
    private static readonly ItemRef B = ItemRef.Action("tw-b", "b-1", Ladder);
    private static readonly ItemRef C = ItemRef.Action("tw-c", "c-1", Ladder);

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task SharedLadder_SendsEachStepToTheMembersStillOpen_AndEndsWhenNoneIsLeft()
    {
        // Fire times are taken when the members are loaded, so level 2 is still ahead however late the engine runs the load.
        var (output, calls, _) = await RunAsync(
            [now => new SharedLadderState([A, B, C], Steps(now))],
            request => request.Step.Name == EscalationStep.Level1 ? [A, B] : []);

        Assert.AreEqual(EscalationStepResult.Closed, output, "the last members were done by level 2: nothing is left for level 3");
        var steps = Notified(calls);
        CollectionAssert.AreEqual(new[] { EscalationStep.Level1, EscalationStep.Level2 }, steps.Select(s => s.Step.Name).ToArray(),
            "the past reminder collapses into level 1; level 3 never fires");
        CollectionAssert.AreEqual(new[] { A, B, C }, steps[0].Items.ToArray());
        CollectionAssert.AreEqual(new[] { A, B }, steps[1].Items.ToArray(), "C was found done at level 1 and left the ladder");
        Assert.IsTrue(steps.All(s => s.DueDate == DueDate));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task SharedLadder_ReloadsItsMembers_WhenToldOfAChange()
    {
        var (output, calls, generation) = await RunAsync(
            [now => new SharedLadderState([A, B], [new(EscalationStep.Level1, 0, now.AddHours(1))]), _ => new SharedLadderState([], [])],
            _ => [A, B],
            raise: client => client.RaiseEventAsync(Ladder, EscalationEvents.ItemChanged, "actions", Ct));

        Assert.AreEqual(EscalationStepResult.Closed, output, "reloaded, every member was done");
        Assert.AreEqual(2, calls.InputsOf<SharedLadderInput>(nameof(LoadSharedLadderActivity)).Count);
        Assert.AreEqual(0, Notified(calls).Count, "the hour-long wait was cut short, no step fired");
        Assert.AreEqual(1, generation);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task SharedLadder_WhoseMembersAreAllDone_SendsNothing()
    {
        var (output, calls, _) = await RunAsync([_ => new SharedLadderState([], [])], _ => []);
        Assert.AreEqual(EscalationStepResult.Closed, output);
        Assert.AreEqual(0, Notified(calls).Count);
    }

    private static EscalationStep[] Steps(DateTimeOffset now) =>
    [
        new("reminder-3", -3, now.AddDays(-3)), new(EscalationStep.Level1, 0, now.AddMinutes(-1)),
        new(EscalationStep.Level2, 3, now.AddSeconds(5)), new(EscalationStep.Level3, 7, now.AddSeconds(6)),
    ];

    private static IReadOnlyList<SharedStepRequest> Notified(ActivityCalls calls) => calls.InputsOf<SharedStepRequest>(nameof(NotifySharedLadderStepActivity));

    /// <summary>
    /// Runs the shared ladder of A, B and C: the n-th load answers <paramref name="loads"/>[n] at the time it runs (the
    /// last one from then on), each step answers the members <paramref name="stillOpen"/> says.
    /// </summary>
    private async Task<(string? Output, ActivityCalls Calls, int Generation)> RunAsync(
        Func<DateTimeOffset, SharedLadderState>[] loads, Func<SharedStepRequest, IReadOnlyList<ItemRef>> stillOpen,
        Func<Microsoft.DurableTask.Client.DurableTaskClient, Task>? raise = null)
    {
        var calls = new ActivityCalls();
        var loaded = 0;
        await using var host = await StartEngineAsync<SharedLadderOrchestrator>(tasks =>
        {
            tasks.AddFake<SharedLadderInput, SharedLadderState>(nameof(LoadSharedLadderActivity), calls,
                _ => loads[Math.Min(Interlocked.Increment(ref loaded), loads.Length) - 1](DateTimeOffset.UtcNow));
            tasks.AddFake<SharedStepRequest, SharedStepResult>(nameof(NotifySharedLadderStepActivity), calls,
                request => new SharedStepResult(stillOpen(request), request.Items.Count));
        });

        await host.Client.StartAsync(nameof(SharedLadderOrchestrator), new SharedLadderInput(Ladder, DueDate, [A, B, C]), Ladder, Ct);
        if (raise is not null)
        {
            await raise(host.Client);
        }

        var done = await host.Client.CompletedAsync(Ladder, Ct);
        return (done.ReadOutputAs<string>(), calls, done.ReadInputAs<SharedLadderInput>()!.Generation);
    }
}
