using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;
using RectifyFlows.Bench.Storage;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// The <c>engine</c> scenario: the standalone durable engine in this process on the benchmark's storage; its idle
/// cost; the micro-benchmarks (starts, fan-out activities, timers, external events) next to Durable Functions'
/// published per-instance targets; then the monthly cycle on the synthetic province.
/// </summary>
internal sealed class EngineScenario(BenchOptions options, string repositoryRoot)
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Describe();
        var total = Stopwatch.StartNew();
        var checks = new List<Check>();

        // Generated first, so a bad seed fails before anything starts.
        List<Plan>? plans = null;
        if (!options.SkipCycle)
        {
            plans = ProvinceScenario.GeneratePlans(repositoryRoot, options.Districts);
            Progress.Write($"Generated and validated {plans.Count} districts.");
        }

        await using var storage = await BenchStorage.StartAsync(repositoryRoot, cancellationToken);

        // Begun before the host is built and started: the AsyncLocal then flows into the worker's and the engine's
        // loops, so the activities' Tables requests are counted too.
        using var counter = StorageRequestCounter.Begin();
        var host = EngineHost.Build(storage.ConnectionString, storage.Prefix, options);
        string? deleteHub = storage.IsOwnEmulator ? null : host.TaskHub;
        OutboxRepository? outbox = null;
        EngineResult? result = null;
        var traffic = StorageTraffic.Begin(
            new BlobServiceClient(storage.ConnectionString).Uri, new QueueServiceClient(storage.ConnectionString).Uri,
            storage.Tables.Service.Uri, storage.Prefix, host.TaskHub, host.SidecarUri);
        TimeSpan stopWall;
        TrafficSnapshot afterStop;
        try
        {
            var meter = new PhaseMeter(counter, traffic, storage.EmulatorCpuTime);

            var beforeStart = meter.Now();
            await host.StartAsync(cancellationToken);
            var hostStarted = meter.Now();
            outbox = host.Get<OutboxRepository>();
            await outbox.CreateIfNotExistsAsync(cancellationToken);
            Progress.Write($"Engine host started in {PhaseMeter.Between(beforeStart, hostStarted).Wall.TotalSeconds:0.0} s: task hub {host.TaskHub}, "
                + $"sidecar {host.SidecarUri.Authority}, {host.EngineOptions.MaxConcurrentActivities} activities / "
                + $"{host.EngineOptions.MaxConcurrentOrchestrations} orchestrations at a time.");

            // A first orchestration: the worker is connected and the engine owns its partitions once it completes.
            var instances = new Instances(host.Client);
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NoopOrchestrator), 0,
                new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = "warmup" }, cancellationToken);
            await instances.WaitForAsync("warmup", 1, OrchestrationRuntimeStatus.Completed, TimeSpan.FromMinutes(2), withOutputs: false, cancellationToken);
            var firstOrchestration = PhaseMeter.Between(beforeStart, meter.Now()).Wall;
            Progress.Write($"First orchestration completed {firstOrchestration.TotalSeconds:0.0} s after the host began starting; idle for {IdleWindow.TotalSeconds:0} s...");

            var idleFrom = meter.Now();
            await Task.Delay(IdleWindow, cancellationToken);
            var idle = PhaseMeter.Between(idleFrom, meter.Now());
            Progress.Write($"Idle: {idle.StorageRequests / idle.Wall.TotalSeconds:0.0} storage requests/s.");

            var micro = new List<MicroResult>();
            var ratios = new List<TargetRatio>();
            string? purgeNote = null;
            if (!options.SkipMicro)
            {
                micro = await new MicroBenchmarks(options, host, meter, instances, checks).RunAsync(ratios, cancellationToken);
                purgeNote = await PurgeAsync(host.Client, cancellationToken);
            }

            CycleResult? cycle = null;
            string? cycleFailure = null;
            if (plans is not null)
            {
                try
                {
                    cycle = await new MonthlyCycleRun(options, host, meter, checks).RunAsync(plans, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    // The micro-benchmarks' results still stand: reported with the failure, and the run exits non-zero.
                    cycleFailure = ex.Message;
                    Progress.Write($"The monthly cycle failed: {ex}");
                    checks.Add(new Check($"the monthly cycle on {plans.Count} districts completed", false, ex.Message));
                }
            }

            var memory = cycle is null ? null : ResidentMemory.Measure();
            total.Stop();
            result = new EngineResult(options, startedAt, machine, storage.Description, host.TaskHub, host.Settings,
                host.EngineOptions.MaxConcurrentActivities, host.EngineOptions.MaxConcurrentOrchestrations,
                PhaseMeter.Between(beforeStart, hostStarted).Wall, firstOrchestration, idle, micro, ratios, purgeNote, cycle, cycleFailure, checks, total.Elapsed,
                TimeSpan.Zero, TrafficSnapshot.Empty, AfterStopWindow, memory);
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await host.DisposeAsync();
            stopWall = stopping.Elapsed;
            Progress.Write($"Engine host stopped in {stopWall.TotalSeconds:0.0} s.");

            // Does the engine go on after the host says it stopped? Watched for a few seconds before storage goes away.
            var stopped = traffic.Snapshot();
            if (result is not null)
            {
                await Task.Delay(AfterStopWindow, CancellationToken.None);
            }

            afterStop = traffic.Snapshot().Minus(stopped);
            traffic.Dispose();
            await CleanUpAsync(storage, outbox, deleteHub);
        }

        if (afterStop.Storage > 0)
        {
            Progress.Write($"In the {AfterStopWindow.TotalSeconds:0} s after the host stopped the engine still sent {afterStop.Storage} storage requests.");
        }

        return result with { StopWall = stopWall, AfterStop = afterStop };
    }

    /// <summary>How long the storage traffic is watched after the host has stopped.</summary>
    private static readonly TimeSpan AfterStopWindow = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Purges the micro-benchmarks' instances before the cycle, so the cycle's history reads do not scan theirs
    /// (Azurite evaluates a query over the whole table). Timed for the record, not part of any result.
    /// </summary>
    private static async Task<string> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromMinutes(3));
            var purged = await client.PurgeAllInstancesAsync(
                new PurgeInstancesFilter(DateTimeOffset.UtcNow.AddDays(-1), null, [OrchestrationRuntimeStatus.Completed]), bound.Token);
            var note = FormattableString.Invariant($"purged the {purged.PurgedInstanceCount:N0} completed micro-benchmark instances in {watch.Elapsed.TotalSeconds:0.0} s before the cycle");
            Progress.Write(note + ".");
            return note;
        }
        catch (Exception ex) when (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Progress.Write($"Purging the micro-benchmark instances took over 3 minutes; the cycle runs with them.");
            return "purging the micro-benchmark instances was stopped after 3 minutes; the cycle ran with their history in the tables";
        }
    }

    private static async Task CleanUpAsync(BenchStorage storage, OutboxRepository? outbox, string? taskHub)
    {
        // An in-memory Azurite goes with its process; storage from the environment keeps what is not deleted here.
        if (storage.IsOwnEmulator)
        {
            return;
        }

        try
        {
            if (outbox is not null)
            {
                await outbox.Table.DeleteAsync();
            }

            if (taskHub is not null)
            {
                await EngineHost.DeleteTaskHubAsync(storage.ConnectionString, taskHub);
                Progress.Write($"Task hub {taskHub} deleted.");
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or InvalidOperationException)
        {
            Progress.Write($"Could not delete the task hub {taskHub} or the outbox: {ex.Message}");
        }
    }
}
