using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RectifyFlows.Storage.Telemetry;

/// <summary>
/// The product's own meters, all in one place (docs/operations.md lists them): cycle duration and outcome, outbox depth
/// and age, deliveries per channel and result, webhook requests per outcome, open ladders per level, repairs and purges.
/// Static so a call site is one line in any project (Storage is referenced by all of them); the hosts export the meter
/// <see cref="MeterName"/> through OpenTelemetry. Gauges hold the last value a periodic check sampled: reading them
/// never touches storage.
/// </summary>
public static class RectifyFlowsMetrics
{
    public const string MeterName = "RectifyFlows";

    /// <summary>The product's activity source (spans of the doctor and retention passes).</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> CycleDurations = Meter.CreateHistogram<double>(
        "rectifyflows.cycle.duration", "s", "Time from a cycle's start to its end, by kind and outcome (completed, failed, terminated).");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "rectifyflows.outbox.deliveries", "{message}", "Delivery attempts by channel and result (sent, failed, dead).");

    private static readonly Counter<long> WebhookRequests = Meter.CreateCounter<long>(
        "rectifyflows.webhook.requests", "{request}", "Signed webhook requests by webhook, outcome (accepted, rejected) and reason.");

    private static readonly Counter<long> Repairs = Meter.CreateCounter<long>(
        "rectifyflows.doctor.repairs", "{instance}", "Orchestration instances the doctor rebuilt, by kind and problem.");

    private static readonly Counter<long> Purged = Meter.CreateCounter<long>(
        "rectifyflows.retention.purged", "{row}", "Rows or instances removed by retention, by kind.");

    private static Measurement<long>[] _outboxDepth = [];
    private static double _outboxOldestAgeSeconds;
    private static Measurement<long>[] _openLadders = [];

    static RectifyFlowsMetrics()
    {
        Meter.CreateObservableGauge("rectifyflows.outbox.depth", () => Volatile.Read(ref _outboxDepth), "{message}",
            "Messages waiting for delivery (the pending index), by channel; sampled by the periodic check.");
        Meter.CreateObservableGauge("rectifyflows.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAgeSeconds), "s",
            "Age of the oldest message waiting for delivery; sampled by the periodic check.");
        Meter.CreateObservableGauge("rectifyflows.ladders.open", () => Volatile.Read(ref _openLadders), "{ladder}",
            "Running deadline ladders by the level they last reached (waiting, reminder, level1..3); sampled by the periodic check.");
    }

    public static void CycleFinished(string kind, string outcome, TimeSpan duration) =>
        CycleDurations.Record(duration.TotalSeconds, new("kind", kind), new("outcome", outcome));

    public static void Delivery(string channel, string result) =>
        Deliveries.Add(1, new("channel", channel), new("result", result));

    /// <summary>One signed webhook request: accepted (2xx) or rejected, with the reason taken from the status code.</summary>
    public static void Webhook(string webhook, int statusCode) =>
        WebhookRequests.Add(1, new("webhook", webhook), new("outcome", statusCode is >= 200 and < 300 ? "accepted" : "rejected"),
            new("reason", ReasonOf(statusCode)));

    public static void Repaired(string kind, string problem) =>
        Repairs.Add(1, new("kind", kind), new("problem", problem));

    public static void Purge(string kind, long count) =>
        Purged.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public static void ObserveOutbox(IReadOnlyDictionary<string, long> depthByChannel, TimeSpan oldestAge)
    {
        ArgumentNullException.ThrowIfNull(depthByChannel);
        Volatile.Write(ref _outboxDepth, [.. depthByChannel.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("channel", d.Key)))]);
        Volatile.Write(ref _outboxOldestAgeSeconds, oldestAge.TotalSeconds);
    }

    public static void ObserveOpenLadders(IReadOnlyDictionary<string, long> byLevel)
    {
        ArgumentNullException.ThrowIfNull(byLevel);
        Volatile.Write(ref _openLadders, [.. byLevel.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string, object?>("level", l.Key)))]);
    }

    private static string ReasonOf(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => "none",
        400 => "invalid",
        401 => "signature",
        403 => "forbidden",
        409 => "conflict",
        413 => "too-large",
        415 => "media-type",
        429 => "rate-limited",
        >= 500 => "error",
        _ => statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
