using System.Diagnostics;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Bench.Measurement;

/// <summary>What the process and the emulator had done by one moment: subtract two marks to get a phase's cost.</summary>
internal sealed record Mark(long Timestamp, DateTimeOffset At, int AppRequests, TrafficSnapshot Traffic, TimeSpan? EmulatorCpu, TimeSpan ProcessCpu);

/// <summary>The cost of one phase: wall time, requests (by the counter and by HttpClient), CPU of both processes.</summary>
internal sealed record PhaseCost(TimeSpan Wall, int AppRequests, TrafficSnapshot Traffic, TimeSpan? EmulatorCpu, TimeSpan ProcessCpu)
{
    public static PhaseCost None { get; } = new(TimeSpan.Zero, 0, TrafficSnapshot.Empty, null, TimeSpan.Zero);

    /// <summary>Every request to the storage account, whoever sent it.</summary>
    public long StorageRequests => Traffic.Storage;

    /// <summary>Storage requests not sent by the RectifyFlows Tables client: the durable provider's.</summary>
    public long DurableRequests => Math.Max(0, Traffic.Storage - AppRequests);
}

/// <summary>
/// Marks moments of a run. The RectifyFlows Tables client's requests come from a StorageRequestCounter scope begun
/// before the engine host started, so its AsyncLocal flows into the worker's loops and the activities they run;
/// every other request to the account (the durable provider's) is seen by <see cref="StorageTraffic"/>.
/// </summary>
internal sealed class PhaseMeter(StorageRequestCounter.Scope counter, StorageTraffic traffic, Func<TimeSpan?> emulatorCpu)
{
    public Mark Now() => new(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, counter.Requests, traffic.Snapshot(), emulatorCpu(),
        Environment.CpuUsage.TotalTime);

    public static PhaseCost Between(Mark from, Mark to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new PhaseCost(
            Stopwatch.GetElapsedTime(from.Timestamp, to.Timestamp),
            to.AppRequests - from.AppRequests,
            to.Traffic.Minus(from.Traffic),
            to.EmulatorCpu - from.EmulatorCpu,
            to.ProcessCpu - from.ProcessCpu);
    }
}
