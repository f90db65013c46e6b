using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RectifyFlows.Bench.Measurement;

/// <summary>
/// Breaks the HTTP requests of a phase down by kind ("GET Units (one row)", "POST $batch"), to show which part of
/// a write path the requests go to. It only listens to HttpClient's diagnostic events, so the storage services stay
/// wired exactly as in production; <see cref="RectifyFlows.Storage.Tables.StorageRequestCounter"/> stays the total.
/// </summary>
internal sealed partial class RequestMix : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string HttpListener = "HttpHandlerDiagnosticListener";
    private const string ActivityName = "System.Net.Http.HttpRequestOut";
    private const string RequestStart = ActivityName + ".Start";

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly string _prefix;
    private volatile bool _recording = true;

    private RequestMix(string tablePrefix) => _prefix = tablePrefix;

    /// <summary>Requests by kind, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts =>
        [.. _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>Starts recording the requests of every HttpClient in the process until stopped or disposed.</summary>
    public static RequestMix Begin(string tablePrefix)
    {
        var mix = new RequestMix(tablePrefix);
        mix._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(mix));
        return mix;
    }

    public void Stop() => _recording = false;

    public void Dispose()
    {
        _recording = false;
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
                // HttpClient asks about the activity name first, then about its Start event.
                _subscriptions.Add(value.Subscribe(this, (name, _, _) => name.StartsWith(ActivityName, StringComparison.Ordinal)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!_recording || value.Key != RequestStart || value.Value is null)
        {
            return;
        }

        // The payload type is internal to System.Net.Http; its Request property is documented.
        if (value.Value.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage request)
        {
            _counts.AddOrUpdate(Describe(request), 1, (_, n) => n + 1);
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

    /// <summary>"GET Units (one row)", "GET Ledger (query)", "POST $batch", "PUT MeasureDirectory (one row)"...</summary>
    private string Describe(HttpRequestMessage request)
    {
        var path = Uri.UnescapeDataString(request.RequestUri?.AbsolutePath ?? string.Empty);
        var last = path[(path.LastIndexOf('/') + 1)..];
        if (last.StartsWith("$batch", StringComparison.Ordinal))
        {
            return $"{request.Method} $batch";
        }

        var match = TableSegment().Match(last);
        if (!match.Success)
        {
            return $"{request.Method} {last}";
        }

        var table = match.Groups["table"].Value;
        table = table.StartsWith(_prefix, StringComparison.Ordinal) ? table[_prefix.Length..] : table;
        // A POST to a table (no keys in the URL) is an insert, not a query.
        var shape = match.Groups["keys"].Success ? "one row" : request.Method == HttpMethod.Post ? "insert" : "query";
        return $"{request.Method} {table} ({shape})";
    }

    [GeneratedRegex(@"^(?<table>[A-Za-z0-9]+)(?<keys>\(PartitionKey=.*\))?(\(\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TableSegment();
}
