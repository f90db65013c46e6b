using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// The engine's rates with trivial bench-only tasks: orchestrations started, activities of one fan-out, timers fired
/// and external events processed per second. Every wait is bounded; a failed instance fails the run.
/// </summary>
internal sealed class MicroBenchmarks(BenchOptions options, EngineHost host, PhaseMeter meter, Instances instances, List<Check> checks)
{
    /// <summary>Durable Functions' published per-instance targets for the Azure Storage provider.</summary>
    public const double FanOutTarget = 100;

    public const double ExternalEventTarget = 50;

    private const double TimerDelaySeconds = 2;

    private readonly DurableTaskClient _client = host.Client;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    /// <summary>Scheduling rate measured by <see cref="StartsAsync"/>, used to place the common timer due time.</summary>
    private double _scheduleRate = 50;

    public async Task<List<MicroResult>> RunAsync(List<TargetRatio> ratios, CancellationToken cancellationToken)
    {
        var results = new List<MicroResult>();
        if (!options.FanOutOnly)
        {
            results.AddRange(await StartsAsync(cancellationToken));
        }

        foreach (var size in new[] { 100, options.LargeFanOut }.Where(s => s > 0).Distinct())
        {
            var (endToEnd, activityWindow) = await FanOutAsync(size, cancellationToken);
            results.Add(endToEnd);
            results.Add(activityWindow);
            ratios.Add(new TargetRatio($"fan-out of {size:N0} activities, one instance, first call → orchestration completed",
                endToEnd.Rate, FanOutTarget, "activities/s"));
        }

        if (options.FanOutOnly)
        {
            return results;
        }

        results.Add(await TimersAsync(sameDueTime: false, cancellationToken));
        results.Add(await TimersAsync(sameDueTime: true, cancellationToken));

        var (aggregate, perInstance) = await EventsAsync(options.EventInstances, options.EventsPerInstance, cancellationToken);
        results.Add(aggregate);
        ratios.Add(new TargetRatio($"external events, {options.EventInstances} instances × {options.EventsPerInstance}, all instances together",
            aggregate.Rate, ExternalEventTarget, "events/s"));
        ratios.Add(new TargetRatio($"external events, the same run, per instance (mean of {options.EventsPerInstance} ÷ its time)",
            perInstance, ExternalEventTarget, "events/s per instance"));

        var (single, _) = await EventsAsync(1, 100, cancellationToken);
        results.Add(single);
        ratios.Add(new TargetRatio("external events, 1 instance × 100", single.Rate, ExternalEventTarget, "events/s"));
        return results;
    }

    /// <summary>1. N no-op orchestrations scheduled as fast as the client can; then until all completed.</summary>
    private async Task<List<MicroResult>> StartsAsync(CancellationToken cancellationToken)
    {
        var count = options.Orchestrations;
        var prefix = $"start-{_run}-";
        Progress.Write($"Starts: scheduling {count} no-op orchestrations, {options.ClientParallel} calls at a time...");
        var before = meter.Now();
        var queries = instances.Queries;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), ClientCalls(cancellationToken), async (i, ct) =>
            await _client.ScheduleNewOrchestrationInstanceAsync(nameof(NoopOrchestrator), i,
                new StartOrchestrationOptions { InstanceId = prefix + i.ToString("D6", CultureInfo.InvariantCulture) }, ct));
        var scheduled = meter.Now();
        var done = await instances.WaitForAsync(prefix, count, OrchestrationRuntimeStatus.Completed, Bound(count / 5.0), withOutputs: false, cancellationToken);
        var after = meter.Now();

        var scheduling = PhaseMeter.Between(before, scheduled);
        _scheduleRate = count / scheduling.Wall.TotalSeconds;
        var lastCompleted = done.Max(i => i.LastUpdatedAt);
        var latency = Spread(done.Select(i => (i.LastUpdatedAt - i.CreatedAt).TotalSeconds), "created → completed");
        Progress.Write($"  scheduled in {scheduling.Wall.TotalSeconds:0.0} s, all completed {(lastCompleted - before.At).TotalSeconds:0.0} s after the first call.");
        checks.Add(new Check($"{count} no-op orchestrations completed", done.Count == count, $"{done.Count} completed"));
        return
        [
            new MicroResult($"orchestrations scheduled ({count:N0} no-op, {options.ClientParallel} client calls at a time)", count, "orchestration",
                scheduling.Wall, "first call → last call returned", "—", scheduling, 0, null),
            new MicroResult($"orchestrations started and completed (the same {count:N0})", count, "orchestration",
                lastCompleted - before.At, "first call → last completion (engine time)", latency,
                PhaseMeter.Between(before, after), instances.Queries - queries, "starts"),
        ];
    }

    /// <summary>
    /// The rate the CPU allows, from the CPU each activity cost: Azurite is one Node.js thread, so at most one core's
    /// worth of its CPU per second; Azurite and this process (engine, sidecar, worker) together at most the machine's
    /// cores. CPU time, unlike wall time, hardly depends on what the neighbours do, so this holds on a busy machine too.
    /// </summary>
    private static string CpuCeiling(PhaseCost cost, int activities)
    {
        if (cost.EmulatorCpu is not { } emulator || activities == 0)
        {
            return string.Empty;
        }

        var azuriteMs = emulator.TotalMilliseconds / activities;
        var processMs = cost.ProcessCpu.TotalMilliseconds / activities;
        var cores = Environment.ProcessorCount;
        var ceiling = Math.Min(1000 / azuriteMs, cores * 1000 / (azuriteMs + processMs));
        return FormattableString.Invariant(
            $"CPU per activity: Azurite {azuriteMs:0.0} ms, this process {processMs:0.0} ms → CPU ceiling {ceiling:0} activities/s on {cores} cores");
    }

    /// <summary>2. One orchestration calling <paramref name="size"/> no-op activities at once (Task.WhenAll).</summary>
    private async Task<(MicroResult EndToEnd, MicroResult ActivityWindow)> FanOutAsync(int size, CancellationToken cancellationToken)
    {
        var id = $"fanout{size}-{_run}";
        Progress.Write($"Fan-out: one orchestration, {size} activities...");
        ActivityClock.Reset();
        var before = meter.Now();
        var queries = instances.Queries;
        await _client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), size, new StartOrchestrationOptions { InstanceId = id }, cancellationToken);
        var done = (await instances.WaitForAsync(id, 1, OrchestrationRuntimeStatus.Completed, Bound(size / 2.0), withOutputs: true, cancellationToken)).Single();
        var after = meter.Now();

        var output = done.ReadOutputAs<int>();
        var stamps = ActivityClock.Read();
        checks.Add(new Check($"the fan-out of {size} returned every activity's result", output == size && stamps.Count >= size,
            $"{output} results, {stamps.Count} executions"));
        var activityWindow = stamps.Count > 1 ? Stopwatch.GetElapsedTime(stamps[0], stamps[^1]) : TimeSpan.Zero;
        var wall = done.LastUpdatedAt - before.At;
        var cost = PhaseMeter.Between(before, after);
        Progress.Write($"  {size} activities: {wall.TotalSeconds:0.00} s end to end, executions spread over {activityWindow.TotalSeconds:0.00} s.");
        var startDelay = (done.CreatedAt - before.At).TotalSeconds;
        var ceiling = CpuCeiling(cost, size);
        if (ceiling.Length > 0)
        {
            Progress.Write($"  {ceiling}");
        }

        return (
            new MicroResult($"activities, fan-out of {size:N0} in one orchestration", size, "activity", wall,
                "first call → orchestration completed (engine time)",
                FormattableString.Invariant($"first execution {Stopwatch.GetElapsedTime(before.Timestamp, stamps.Count > 0 ? stamps[0] : before.Timestamp).TotalSeconds:0.00} s after the call (created +{startDelay:0.00} s){(ceiling.Length > 0 ? "; " + ceiling : string.Empty)}"),
                cost, instances.Queries - queries, FormattableString.Invariant($"fan-out {size}")),
            new MicroResult($"activities, the same fan-out, first → last execution", size, "activity", activityWindow,
                "in-process stamps of the activity", "—", cost, instances.Queries - queries, null));
    }

    /// <summary>
    /// 3. N orchestrations each on one durable timer: due 2 s after each starts, or all due at one instant (placed
    /// after the last start). Lateness is completion (engine time) minus due time.
    /// </summary>
    private async Task<MicroResult> TimersAsync(bool sameDueTime, CancellationToken cancellationToken)
    {
        var count = options.Timers;
        var prefix = $"timer{(sameDueTime ? "at" : "in")}-{_run}-";
        var before = meter.Now();
        DateTime? dueAt = sameDueTime
            ? before.At.UtcDateTime.AddSeconds(3 + (1.5 * count / _scheduleRate))
            : null;
        Progress.Write(sameDueTime
            ? $"Timers: {count} orchestrations, all due at {dueAt:HH:mm:ss.f} UTC..."
            : $"Timers: {count} orchestrations, each due {TimerDelaySeconds} s after it starts...");
        var queries = instances.Queries;
        var input = new TimerInput(TimerDelaySeconds, dueAt);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), ClientCalls(cancellationToken), async (i, ct) =>
            await _client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), input,
                new StartOrchestrationOptions { InstanceId = prefix + i.ToString("D6", CultureInfo.InvariantCulture) }, ct));
        var scheduled = DateTimeOffset.UtcNow;
        var done = await instances.WaitForAsync(prefix, count, OrchestrationRuntimeStatus.Completed, Bound(count / 5.0 + 30), withOutputs: true, cancellationToken);
        var after = meter.Now();

        static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
        var outputs = done.Select(i => i.ReadOutputAs<TimerOutput>() ?? throw new InvalidOperationException($"{i.InstanceId} returned nothing.")).ToList();
        var due = outputs.Select(o => Utc(o.Due)).ToList();
        var lateness = done.Zip(due, (i, d) => (i.LastUpdatedAt - d).TotalSeconds).ToList();
        var resumedEarly = outputs.Select(o => (Utc(o.ResumedAt) - Utc(o.Due)).TotalSeconds).Where(s => s < 0).Order().ToList();
        var firstDue = due.Min();
        var lastFired = done.Max(i => i.LastUpdatedAt);
        var dueSpread = (due.Max() - firstDue).TotalSeconds;

        // Azure Storage queues take a message's visibility delay in whole seconds, so the provider's timer message can
        // become visible up to a second before the timer is due; more than that would be a fault.
        checks.Add(new Check($"{count} timers {(sameDueTime ? "due at one instant" : $"due {TimerDelaySeconds} s after start")} fired, none more than 1 s early",
            done.Count == count && lateness.All(l => l >= -1.0),
            FormattableString.Invariant($"{done.Count} completed; {resumedEarly.Count} resumed before their due time (orchestration time), earliest {(resumedEarly.Count == 0 ? 0 : resumedEarly[0]):+0.00;-0.00} s")));
        if (sameDueTime && scheduled > firstDue)
        {
            Progress.Write($"  note: the last start returned {(scheduled - firstDue).TotalSeconds:0.0} s after the common due time.");
        }

        var note = sameDueTime
            ? FormattableString.Invariant($"all due at one instant; last start returned {(firstDue - scheduled).TotalSeconds:0.0} s before it")
            : FormattableString.Invariant($"due times spread over {dueSpread:0.0} s (the starts)");
        Progress.Write($"  fired within {(lastFired - firstDue).TotalSeconds:0.00} s of the first due time; lateness p50 {Percentile(lateness, 50):0.00} s.");
        return new MicroResult($"timers fired, {count:N0} orchestrations, {(sameDueTime ? "same due time" : $"each due {TimerDelaySeconds:0} s after its start")}",
            count, "timer", lastFired - firstDue, "first due time → last completion (engine time); " + note,
            "lateness " + Spread(lateness, "due → completed") + FormattableString.Invariant($"; {resumedEarly.Count} of {count} resumed before due (earliest {(resumedEarly.Count == 0 ? 0 : resumedEarly[0]):+0.00;-0.00} s)"),
            PhaseMeter.Between(before, after), instances.Queries - queries,
            sameDueTime ? "timers, same due" : "timers, +2 s");
    }

    /// <summary>
    /// 4. M orchestrations each waiting for K events in a loop; once all wait, M×K events are raised as fast as the
    /// client can. Returns the aggregate row and the mean per-instance rate.
    /// </summary>
    private async Task<(MicroResult Aggregate, double PerInstance)> EventsAsync(int orchestrations, int perInstance, CancellationToken cancellationToken)
    {
        var prefix = $"events{orchestrations}x{perInstance}-{_run}-";
        var ids = Enumerable.Range(0, orchestrations).Select(i => prefix + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        Progress.Write($"External events: {orchestrations} orchestrations waiting for {perInstance} events each...");
        foreach (var id in ids)
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(nameof(EventLoopOrchestrator), perInstance, new StartOrchestrationOptions { InstanceId = id }, cancellationToken);
        }

        await instances.WaitForAsync(prefix, orchestrations, OrchestrationRuntimeStatus.Running, Bound(orchestrations), withOutputs: false, cancellationToken);

        // Round-robin, so every instance has events waiting from the start.
        var events = Enumerable.Range(0, perInstance).SelectMany(_ => ids).ToList();
        var before = meter.Now();
        var queries = instances.Queries;
        await Parallel.ForEachAsync(events, ClientCalls(cancellationToken), async (id, ct) =>
            await _client.RaiseEventAsync(id, BenchTasks.EventName, 1, ct));
        var raised = meter.Now();
        var done = await instances.WaitForAsync(prefix, orchestrations, OrchestrationRuntimeStatus.Completed, Bound(events.Count / 2.0), withOutputs: true, cancellationToken);
        var after = meter.Now();

        var sums = done.Select(i => i.ReadOutputAs<int>()).ToList();
        checks.Add(new Check($"{orchestrations} × {perInstance} external events all processed", sums.All(s => s == perInstance) && done.Count == orchestrations,
            $"{done.Count} instances, sums {sums.Min()}–{sums.Max()}"));
        var lastCompleted = done.Max(i => i.LastUpdatedAt);
        var perInstanceRates = done.Select(i => perInstance / (i.LastUpdatedAt - before.At).TotalSeconds).ToList();
        var raising = PhaseMeter.Between(before, raised).Wall;
        Progress.Write($"  raised {events.Count} in {raising.TotalSeconds:0.00} s; all processed {(lastCompleted - before.At).TotalSeconds:0.00} s after the first raise.");
        return (new MicroResult($"external events, {orchestrations:N0} orchestration{(orchestrations == 1 ? string.Empty : "s")} × {perInstance:N0} events",
                events.Count, "event", lastCompleted - before.At, "first raise → last completion (engine time)",
                FormattableString.Invariant($"raising took {raising.TotalSeconds:0.00} s ({events.Count / raising.TotalSeconds:N0}/s); per instance {perInstanceRates.Min():0.0}–{perInstanceRates.Max():0.0} events/s"),
                PhaseMeter.Between(before, after), instances.Queries - queries, FormattableString.Invariant($"events {orchestrations}×{perInstance}")),
            perInstanceRates.Average());
    }

    private ParallelOptions ClientCalls(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.ClientParallel, CancellationToken = cancellationToken };

    /// <summary>A generous bound for a wait: a minute plus the given seconds.</summary>
    private static TimeSpan Bound(double seconds) => TimeSpan.FromSeconds(60 + seconds);

    private static double Percentile(IEnumerable<double> values, double percentile) => Percentiles.Of([.. values.Order()], percentile);

    private static string Spread(IEnumerable<double> seconds, string what)
    {
        var sorted = seconds.Order().ToList();
        return FormattableString.Invariant(
            $"p50 {Percentiles.Of(sorted, 50):0.00} / p95 {Percentiles.Of(sorted, 95):0.00} / max {sorted[^1]:0.00} s ({what})");
    }
}
