using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// What a ladder orchestration (an item's own, or one shared by actions) does between steps: which steps are still to
/// fire, and waiting for the next one while listening for a change. Both ladders make the same durable calls here, so
/// their histories read alike.
/// </summary>
internal static class LadderTimeline
{
    /// <summary>
    /// The steps to fire from <paramref name="now"/> on: the future ones, after the latest one already past, if any.
    /// Past steps are not replayed one by one: a ladder (re)started late fires only the latest, once.
    /// </summary>
    public static IReadOnlyList<EscalationStep> Pending(IReadOnlyList<EscalationStep> steps, DateTime now)
    {
        var latestPast = steps.LastOrDefault(s => s.FireAt <= now);
        var pending = steps.Where(s => s.FireAt > now).ToList();
        if (latestPast is not null)
        {
            pending.Insert(0, latestPast);
        }

        return pending;
    }

    /// <summary>Sleeps until <paramref name="until"/>; true when an <see cref="EscalationEvents.ItemChanged"/> came first.</summary>
    public static async Task<bool> ChangedBeforeAsync(TaskOrchestrationContext context, DateTime until)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(until, timerCancellation.Token);
        var changed = context.WaitForExternalEvent<string>(EscalationEvents.ItemChanged, eventCancellation.Token);
        if (await Task.WhenAny(timer, changed) == changed)
        {
            timerCancellation.Cancel();
            return true;
        }

        // Stop listening, so the next wait is the only one to receive an event.
        eventCancellation.Cancel();
        return false;
    }

    /// <summary>Restarts the ladder on its input (ContinueAsNew), keeping events not yet taken.</summary>
    public static string Restart<TInput>(TaskOrchestrationContext context, TInput nextGeneration)
    {
        context.ContinueAsNew(nextGeneration, preserveUnprocessedEvents: true);
        return EscalationOrchestrator.Restarted;
    }
}
