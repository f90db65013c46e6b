using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// The micro-benchmarks' orchestrators and activities: trivial and deterministic, class-based like the application's,
/// registered on the same worker next to every RectifyFlows task.
/// </summary>
internal static class BenchTasks
{
    public const string EventName = "BenchEvent";

    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<NoopOrchestrator>();
        registry.AddOrchestrator<FanOutOrchestrator>();
        registry.AddOrchestrator<TimerOrchestrator>();
        registry.AddOrchestrator<EventLoopOrchestrator>();
        registry.AddActivity<NoopActivity>();
        return registry;
    }
}

/// <summary>Completes at once: measures what starting and finishing an orchestration costs.</summary>
internal sealed class NoopOrchestrator : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) => Task.FromResult(input);
}

/// <summary>Calls <c>input</c> no-op activities at once and waits for all (fan-out / fan-in).</summary>
internal sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = new Task<int>[input];
        for (var i = 0; i < input; i++)
        {
            calls[i] = context.CallActivityAsync<int>(nameof(NoopActivity), i);
        }

        var results = await Task.WhenAll(calls);
        return results.Length;
    }
}

/// <summary>Returns its input; notes when each execution ran, so the fan-out's activity window can be measured in-process.</summary>
internal sealed class NoopActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        ActivityClock.Record();
        return Task.FromResult(input);
    }
}

/// <summary>
/// Sleeps on one durable timer; returns when it was due and the orchestration time it resumed at (the timestamp of the
/// episode that received the timer), both from the context, so deterministic on replay.
/// </summary>
internal sealed class TimerOrchestrator : TaskOrchestrator<TimerInput, TimerOutput>
{
    public override async Task<TimerOutput> RunAsync(TaskOrchestrationContext context, TimerInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var due = input.DueAt ?? context.CurrentUtcDateTime.AddSeconds(input.DelaySeconds);
        await context.CreateTimer(due, CancellationToken.None);
        return new TimerOutput(due, context.CurrentUtcDateTime);
    }
}

internal sealed record TimerOutput(DateTime Due, DateTime ResumedAt);

/// <param name="DelaySeconds">Due this long after the orchestration starts, when <paramref name="DueAt"/> is null.</param>
/// <param name="DueAt">A fixed due time (UTC), the same for every instance.</param>
internal sealed record TimerInput(double DelaySeconds, DateTime? DueAt);

/// <summary>Waits for <c>input</c> external events, one after the other, and returns their sum.</summary>
internal sealed class EventLoopOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sum = 0;
        for (var i = 0; i < input; i++)
        {
            sum += await context.WaitForExternalEvent<int>(BenchTasks.EventName);
        }

        return sum;
    }
}

/// <summary>Stopwatch timestamps of the no-op activity's executions (activities may do anything; orchestrators may not).</summary>
internal static class ActivityClock
{
    private static readonly ConcurrentQueue<long> Stamps = new();

    public static void Record() => Stamps.Enqueue(Stopwatch.GetTimestamp());

    public static void Reset() => Stamps.Clear();

    public static IReadOnlyList<long> Read() => [.. Stamps.Order()];
}
