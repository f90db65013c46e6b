using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Bench.Engine;

/// <summary>One micro-benchmark's row: a rate over a window, the latency spread, and what the window cost in requests.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Items">Orchestrations, activities, timers or events counted for the rate.</param>
/// <param name="ItemName">What one item is, for "requests per item".</param>
/// <param name="Window">The time the rate is over.</param>
/// <param name="WindowText">How <paramref name="Window"/> was taken.</param>
/// <param name="Latency">The per-item spread, already formatted, or an em dash.</param>
/// <param name="Cost">From the first client call to the observed completion of the last instance.</param>
/// <param name="BenchQueries">Status queries the benchmark itself sent in that time (in <paramref name="Cost"/>).</param>
/// <param name="Short">Column name in the requests-by-kind table; null leaves the row out of it (its cost is another row's).</param>
internal sealed record MicroResult(
    string Name, int Items, string ItemName, TimeSpan Window, string WindowText, string Latency, PhaseCost Cost, int BenchQueries, string? Short)
{
    public double Rate => Items / Window.TotalSeconds;
}

/// <summary>A measured rate next to Durable Functions' published per-instance target for the Azure Storage provider.</summary>
internal sealed record TargetRatio(string Measure, double Measured, double Target, string Note)
{
    public double Ratio => Measured / Target;
}

/// <summary>One span of the monthly cycle's timeline, with its cost and the status reads the benchmark made in it.</summary>
internal sealed record CycleSpan(string Name, PhaseCost Cost, int StatusPolls, string Note);

internal sealed record CycleResult(
    int Districts,
    int Teams,
    TimeSpan ImportWall,
    int ImportRequests,
    TimeSpan ProjectsWall,
    int Projects,
    IReadOnlyList<CycleSpan> Spans,
    CycleSpan AfterLastResult,
    CycleStatus Final,
    int ResultsPosted,
    int TeamsReportedAtLastResult,
    int ExpectedFindings,
    int ExpectedActions,
    int EscalationsStarted,
    int OutboxMessages,
    TimeSpan PollInterval);

internal sealed record EngineResult(
    BenchOptions Options,
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    string TaskHub,
    IReadOnlyDictionary<string, string?> Settings,
    int MaxConcurrentActivities,
    int MaxConcurrentOrchestrations,
    TimeSpan HostStart,
    TimeSpan FirstOrchestration,
    PhaseCost Idle,
    IReadOnlyList<MicroResult> Micro,
    IReadOnlyList<TargetRatio> Ratios,
    string? PurgeNote,
    CycleResult? Cycle,
    string? CycleFailure,
    IReadOnlyList<Check> Checks,
    TimeSpan Total,
    TimeSpan StopWall,
    TrafficSnapshot AfterStop,
    TimeSpan AfterStopWindow,
    ResidentMemory? MemoryAfterCycle = null);
