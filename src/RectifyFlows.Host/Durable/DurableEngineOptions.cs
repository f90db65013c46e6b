using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Host.Durable;

/// <summary>The standalone durable engine; bound from <c>RectifyFlows:Durable</c> (host.json holds the same for Functions).</summary>
public sealed class DurableEngineOptions
{
    public const string SectionName = "RectifyFlows:Durable";

    /// <summary>Task hub name: prefix of the engine's queues and tables. Letters and digits, 3–45 characters.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string TaskHubName { get; set; } = "RectifyFlows";

    /// <summary>
    /// Stable across restarts: a restarted host with the same id takes its partitions back at once; a new id waits
    /// for the old leases to expire (about 30 s).
    /// </summary>
    [Required]
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>Control-queue partitions: how many hosts can share the orchestrations (max 16).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long an idle queue poll backs off at most; lower means faster reaction and more storage requests.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Activities are I/O-bound (storage round trips): at 10 the engine ran a 100-activity fan-out 3.4× slower (bench/README.md).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 50;

    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 50;

    /// <summary>
    /// Messages the provider takes from a control queue in one dequeue (1–32): an orchestration's messages that
    /// arrive together (a fan-in's activity results) become one episode, so lower means more episodes.
    /// </summary>
    [Range(1, 32)]
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>
    /// Keeps an orchestration's history in memory between episodes (no History query per episode). Off: the host's
    /// orchestrations wait days for timers and people, and the sidecar does not keep sessions (bench/README.md).
    /// </summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>Loopback port of the gRPC sidecar between the worker/client and the engine; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SidecarPort { get; set; }
}
