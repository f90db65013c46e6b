namespace RectifyFlows.Workflows.Tests.Escalation;

/// <summary>
/// The deadline ladder of one item in memory: steps already past when it starts collapse into the latest one, the
/// item changing restarts the ladder from a fresh load, a moved due date found by a step restarts it on the new date,
/// and an item found closed stops it.
/// </summary>
[TestClass]
public sealed class EscalationOrchestratorTests : InMemoryOrchestratorTests
{
    private static readonly ItemRef Item = ItemRef.Measure("m-1");
    private static readonly DateOnly DueDate = new(2017, 3, 31);
    private static readonly DateOnly ExtendedDueDate = new(2017, 4, 30);

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task EscalationLadder_FiresOnlyTheLatestPastStep_ThenTheFutureOnesInOrder()
    {
        // The steps are placed when the ladder loads its item, not when the test starts: the engine's start-up on a
        // loaded machine can take seconds, which would push levels 2 and 3 into the past (they would collapse into level
        // 1's place). Between the load and the ladder reading its clock there is only one orchestration turn.
        static EscalationItemState LoadedAt(DateTimeOffset now) => new(true, DueDate,
        [
            new("reminder-7", -7, now.AddDays(-6)), new("reminder-3", -3, now.AddDays(-2)), new("reminder-1", -1, now.AddDays(-1)),
            new(EscalationStep.Level1, 0, now.AddMinutes(-1)), new(EscalationStep.Level2, 3, now.AddSeconds(3)), new(EscalationStep.Level3, 7, now.AddSeconds(5)),
        ]);

        var (output, calls, _) = await RunAsync(_ => LoadedAt(DateTimeOffset.UtcNow), _ => EscalationStepResult.Sent);

        Assert.AreEqual("completed", output);
        CollectionAssert.AreEqual(
            new[] { EscalationStep.Level1, EscalationStep.Level2, EscalationStep.Level3 }, Notified(calls).Select(r => r.Step.Name).ToArray(),
            "the three reminders and level 1 were all past: only level 1 fires, once");
        Assert.IsTrue(Notified(calls).All(r => r.DueDate == DueDate && r.Item == Item));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task EscalationLadder_ReloadsTheItem_WhenItChangesWhileWaiting()
    {
        var waiting = new EscalationItemState(true, DueDate, [new(EscalationStep.Level1, 0, DateTimeOffset.UtcNow.AddHours(1))]);
        var closed = new EscalationItemState(false, null, []);

        var (output, calls, generation) = await RunAsync([waiting, closed], _ => EscalationStepResult.Sent,
            raise: client => client.RaiseEventAsync(Item.EscalationInstanceId, EscalationEvents.ItemChanged, "evidence", Ct));

        Assert.AreEqual(EscalationStepResult.Closed, output, "evidence arrived: the reloaded item no longer needs action");
        Assert.AreEqual(2, calls.InputsOf<ItemRef>(nameof(LoadEscalationItemActivity)).Count);
        Assert.AreEqual(0, Notified(calls).Count, "the hour-long wait was cut short, no step fired");
        Assert.AreEqual(1, generation, "the ladder restarted once (ContinueAsNew)");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task EscalationLadder_RestartsOnTheNewDueDate_WhenAStepFindsTheDueDateMoved()
    {
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        EscalationItemState[] loads =
        [
            new(true, DueDate, [new(EscalationStep.Level1, 0, past)]),
            new(true, ExtendedDueDate, [new("reminder-7", -7, past)]),
        ];

        var (output, calls, generation) = await RunAsync(loads, request =>
            request.DueDate == DueDate ? EscalationStepResult.DueDateChanged : EscalationStepResult.Sent);

        Assert.AreEqual("completed", output);
        CollectionAssert.AreEqual(
            new[] { (DueDate, EscalationStep.Level1), (ExtendedDueDate, "reminder-7") },
            Notified(calls).Select(r => (r.DueDate, r.Step.Name)).ToArray(), "the extension's ladder runs on the new due date");
        Assert.AreEqual(1, generation);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task EscalationLadder_Stops_WhenAStepFindsTheItemClosed_OrItIsClosedFromTheStart()
    {
        // Level 2 lies far enough ahead to still be in the future when a loaded machine starts the ladder late (it would
        // otherwise collapse into the past steps and fire in level 1's place); a ladder that stops waits for none of it.
        var now = DateTimeOffset.UtcNow;
        var open = new EscalationItemState(true, DueDate, [new(EscalationStep.Level1, 0, now.AddMinutes(-1)), new(EscalationStep.Level2, 3, now.AddSeconds(15))]);
        var (output, calls, _) = await RunAsync([open], _ => EscalationStepResult.Closed);
        Assert.AreEqual(EscalationStepResult.Closed, output);
        CollectionAssert.AreEqual(new[] { EscalationStep.Level1 }, Notified(calls).Select(r => r.Step.Name).ToArray(), "level 2 never fires");

        (output, calls, _) = await RunAsync([new EscalationItemState(false, DueDate, open.Steps)], _ => EscalationStepResult.Sent);
        Assert.AreEqual(EscalationStepResult.Closed, output);
        Assert.AreEqual(0, Notified(calls).Count);
    }

    private static IReadOnlyList<EscalationStepRequest> Notified(ActivityCalls calls) => calls.InputsOf<EscalationStepRequest>(nameof(NotifyEscalationStepActivity));

    /// <summary>
    /// Runs the ladder of <see cref="Item"/>: the n-th load answers <paramref name="loads"/>[n] (the last one from then
    /// on), each step answers <paramref name="outcome"/>. Returns the final output, the calls and the final generation.
    /// </summary>
    private Task<(string? Output, ActivityCalls Calls, int Generation)> RunAsync(
        EscalationItemState[] loads, Func<EscalationStepRequest, string> outcome, Func<Microsoft.DurableTask.Client.DurableTaskClient, Task>? raise = null) =>
        RunAsync(count => loads[Math.Min(count, loads.Length) - 1], outcome, raise);

    /// <summary>As above, the n-th load (from 1) answering <paramref name="load"/>(n), computed when the ladder loads.</summary>
    private async Task<(string? Output, ActivityCalls Calls, int Generation)> RunAsync(
        Func<int, EscalationItemState> load, Func<EscalationStepRequest, string> outcome, Func<Microsoft.DurableTask.Client.DurableTaskClient, Task>? raise = null)
    {
        var calls = new ActivityCalls();
        var loaded = 0;
        await using var host = await StartEngineAsync<EscalationOrchestrator>(tasks =>
        {
            tasks.AddFake<ItemRef, EscalationItemState>(nameof(LoadEscalationItemActivity), calls,
                _ => load(Interlocked.Increment(ref loaded)));
            tasks.AddFake<EscalationStepRequest, EscalationStepResult>(nameof(NotifyEscalationStepActivity), calls,
                request => new EscalationStepResult(outcome(request), MessagesWritten: 1));
        });

        await host.Client.StartAsync(nameof(EscalationOrchestrator), new EscalationInput(Item), Item.EscalationInstanceId, Ct);
        if (raise is not null)
        {
            await raise(host.Client);
        }

        var done = await host.Client.CompletedAsync(Item.EscalationInstanceId, Ct);
        return (done.ReadOutputAs<string>(), calls, done.ReadInputAs<EscalationInput>()!.Generation);
    }
}
