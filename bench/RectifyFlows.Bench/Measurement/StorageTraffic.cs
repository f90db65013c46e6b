using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace RectifyFlows.Bench.Measurement;

/// <summary>Who sent a request: the application's Tables client, the durable engine's storage clients, or the gRPC sidecar.</summary>
internal enum TrafficOwner
{
    /// <summary>A table of the run's prefix: the RectifyFlows Tables client (counted by StorageRequestCounter too).</summary>
    RectifyFlows,

    /// <summary>A queue, blob container or table of the task hub: the Durable Task Azure Storage provider.</summary>
    Durable,

    /// <summary>An entity-group transaction: its URL names no table, so it may be either (the table scenario's only batches are RectifyFlows').</summary>
    Batch,

    /// <summary>Anything else sent to the storage endpoints (creating tables, the account).</summary>
    OtherStorage,

    /// <summary>A unary gRPC call of the worker or client to the engine's sidecar (not storage).</summary>
    Sidecar,
}

/// <summary>One kind of request, e.g. (Durable, "GET control queue (dequeue)").</summary>
internal readonly record struct TrafficKind(TrafficOwner Owner, string Label);

/// <summary>Requests by kind at one moment; subtract two to get a phase's requests.</summary>
internal sealed class TrafficSnapshot(IReadOnlyDictionary<TrafficKind, long> counts)
{
    public static TrafficSnapshot Empty { get; } = new(new Dictionary<TrafficKind, long>());

    public IReadOnlyDictionary<TrafficKind, long> Counts { get; } = counts;

    /// <summary>Every request to the storage endpoints (all owners but the sidecar).</summary>
    public long Storage => Counts.Where(c => c.Key.Owner != TrafficOwner.Sidecar).Sum(c => c.Value);

    public long Of(TrafficOwner owner) => Counts.Where(c => c.Key.Owner == owner).Sum(c => c.Value);

    public long Of(TrafficOwner owner, string labelPart) =>
        Counts.Where(c => c.Key.Owner == owner && c.Key.Label.Contains(labelPart, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>The requests made between <paramref name="earlier"/> and this snapshot.</summary>
    public TrafficSnapshot Minus(TrafficSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var delta = new Dictionary<TrafficKind, long>();
        foreach (var (kind, count) in Counts)
        {
            var difference = count - earlier.Counts.GetValueOrDefault(kind);
            if (difference != 0)
            {
                delta[kind] = difference;
            }
        }

        return new TrafficSnapshot(delta);
    }

    /// <summary>Kinds by count, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<TrafficKind, long>> Ordered(TrafficOwner? owner = null) =>
        [.. Counts.Where(c => owner is null || c.Key.Owner == owner)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key.Owner).ThenBy(c => c.Key.Label, StringComparer.Ordinal)];
}

/// <summary>
/// Counts every HTTP request of the process to the storage account and to the durable sidecar, by owner and kind,
/// from HttpClient's diagnostic events (as <see cref="RequestMix"/> does). Unlike StorageRequestCounter, which is a
/// policy of the RectifyFlows Tables client only, this also sees the Durable Task Azure Storage provider's own
/// Azure SDK clients (queues, blobs, its Instances and History tables), because every Azure SDK client sends
/// through HttpClient.
/// </summary>
internal sealed partial class StorageTraffic : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string HttpListener = "HttpHandlerDiagnosticListener";
    private const string ActivityName = "System.Net.Http.HttpRequestOut";
    private const string RequestStart = ActivityName + ".Start";

    private readonly ConcurrentDictionary<TrafficKind, long> _counts = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IReadOnlyDictionary<string, string> _services;
    private readonly string _tablePrefix;
    private readonly string _taskHub;
    private readonly string _sidecar;

    private StorageTraffic(IReadOnlyDictionary<string, string> services, string tablePrefix, string taskHub, Uri sidecar)
    {
        _services = services;
        _tablePrefix = tablePrefix;
        _taskHub = taskHub;
        _sidecar = sidecar.Authority;
    }

    /// <param name="blob">The blob endpoint; with <paramref name="queue"/> and <paramref name="table"/>, how a request's service is told.</param>
    /// <param name="queue">The queue endpoint.</param>
    /// <param name="table">The table endpoint.</param>
    /// <param name="tablePrefix">The RectifyFlows tables' prefix.</param>
    /// <param name="taskHub">The durable task hub: prefix of the provider's tables, queues and containers.</param>
    /// <param name="sidecar">The gRPC sidecar's address.</param>
    public static StorageTraffic Begin(Uri blob, Uri queue, Uri table, string tablePrefix, string taskHub, Uri sidecar)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sidecar);
        var services = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [blob.Authority] = "blob",
            [queue.Authority] = "queue",
            [table.Authority] = "table",
        };
        var traffic = new StorageTraffic(services, tablePrefix, taskHub, sidecar);
        traffic._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(traffic));
        return traffic;
    }

    public TrafficSnapshot Snapshot() => new(_counts.ToDictionary(c => c.Key, c => c.Value));

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == HttpListener)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, (name, _, _) => name.StartsWith(ActivityName, StringComparison.Ordinal)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestStart || value.Value is null)
        {
            return;
        }

        if (value.Value.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri } request
            && Classify(request, uri) is { } kind)
        {
            _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private TrafficKind? Classify(HttpRequestMessage request, Uri uri)
    {
        if (string.Equals(uri.Authority, _sidecar, StringComparison.OrdinalIgnoreCase))
        {
            return new TrafficKind(TrafficOwner.Sidecar, "gRPC " + uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..]);
        }

        if (!_services.TryGetValue(uri.Authority, out var service))
        {
            return null;
        }

        // Path-style (emulator) URLs start with the account; Azure's name it in the host instead.
        var segments = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/').Split('/');
        if (IPAddress.TryParse(uri.Host, out _) || uri.IsLoopback)
        {
            segments = segments.Length > 1 ? segments[1..] : [];
        }

        var method = request.Method.Method;
        var first = segments.Length > 0 ? segments[0] : string.Empty;
        return service switch
        {
            "table" => Table(method, first),
            "queue" => Queue(method, segments, uri.Query),
            _ => Blob(method, first, uri.Query, request),
        };
    }

    private TrafficKind Table(string method, string first)
    {
        if (first.StartsWith("$batch", StringComparison.Ordinal))
        {
            return new TrafficKind(TrafficOwner.Batch, $"{method} $batch");
        }

        var match = TableSegment().Match(first);
        if (!match.Success)
        {
            return new TrafficKind(TrafficOwner.OtherStorage, $"{method} {first}");
        }

        var table = match.Groups["table"].Value;
        var keys = match.Groups["keys"].Success;
        var shape = (method, keys) switch
        {
            ("GET", true) => "read one row",
            ("GET", false) => "query",
            ("POST", false) => "insert",
            ("DELETE", true) => "delete one row",
            (_, true) => "write one row",
            _ => "table",
        };
        if (_tablePrefix.Length > 0 && table.StartsWith(_tablePrefix, StringComparison.Ordinal))
        {
            return new TrafficKind(TrafficOwner.RectifyFlows, $"{method} {table[_tablePrefix.Length..]} ({shape})");
        }

        if (table.StartsWith(_taskHub, StringComparison.OrdinalIgnoreCase))
        {
            return new TrafficKind(TrafficOwner.Durable, $"{method} {table[_taskHub.Length..]} table ({shape})");
        }

        return new TrafficKind(TrafficOwner.OtherStorage, $"{method} {table} ({shape})");
    }

    private TrafficKind Queue(string method, string[] segments, string query)
    {
        var name = segments.Length > 0 ? segments[0] : string.Empty;
        var hub = _taskHub.ToLowerInvariant() + "-";
        if (!name.StartsWith(hub, StringComparison.Ordinal))
        {
            return new TrafficKind(TrafficOwner.OtherStorage, $"{method} queue {name}");
        }

        var queue = name[hub.Length..].StartsWith("control", StringComparison.Ordinal) ? "control queue" : name[hub.Length..] + " queue";
        var operation = (method, segments.Length) switch
        {
            ("GET", 2) when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek",
            ("GET", 2) => "dequeue",
            ("POST", 2) => "enqueue",
            ("DELETE", 3) => "delete message",
            ("PUT", 3) => "update message",
            (_, 1) when query.Contains("comp=metadata", StringComparison.OrdinalIgnoreCase) => "metadata",
            (_, 1) => "queue",
            _ => string.Join('/', segments[1..]),
        };
        return new TrafficKind(TrafficOwner.Durable, $"{method} {queue} ({operation})");
    }

    private TrafficKind Blob(string method, string container, string query, HttpRequestMessage request)
    {
        var hub = _taskHub.ToLowerInvariant() + "-";
        if (!container.StartsWith(hub, StringComparison.Ordinal))
        {
            return new TrafficKind(TrafficOwner.OtherStorage, $"{method} blob {container}");
        }

        var operation = query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase)
            && request.Headers.TryGetValues("x-ms-lease-action", out var actions)
                ? "lease " + string.Join(',', actions)
                : query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) ? "list" : "blob";
        return new TrafficKind(TrafficOwner.Durable, $"{method} {container[hub.Length..]} container ({operation})");
    }

    [GeneratedRegex(@"^(?<table>[A-Za-z0-9]+)(?<keys>\(PartitionKey=.*\))?(\(\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TableSegment();
}
