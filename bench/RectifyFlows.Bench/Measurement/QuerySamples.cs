using System.Diagnostics;

namespace RectifyFlows.Bench.Measurement;

/// <summary>Times a query run after run: wall time, rows returned and storage requests of each run.</summary>
internal sealed class QuerySamples(string name)
{
    private readonly List<double> _milliseconds = [];
    private readonly List<int> _rows = [];
    private readonly List<int> _requests = [];

    public string Name { get; } = name;

    /// <summary>Runs the query once to the last row; records it unless it is a warm-up.</summary>
    public async Task RunAsync<T>(IAsyncEnumerable<T> query, bool record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // The counter is an AsyncLocal: begun here, it sees exactly the requests of this enumeration.
        using var scope = RectifyFlows.Storage.Tables.StorageRequestCounter.Begin();
        var rows = 0;
        var start = Stopwatch.GetTimestamp();
        await foreach (var _ in query.WithCancellation(cancellationToken))
        {
            rows++;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (record)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
            _rows.Add(rows);
            _requests.Add(scope.Requests);
        }
    }

    public QueryStats Summarize()
    {
        var sorted = _milliseconds.Order().ToList();
        return new QueryStats(
            Name,
            sorted.Count,
            Percentiles.Of(sorted, 50),
            Percentiles.Of(sorted, 95),
            sorted.Count == 0 ? double.NaN : sorted[^1],
            _rows.Count == 0 ? double.NaN : _rows.Average(),
            _requests.Count == 0 ? double.NaN : _requests.Average(),
            _requests.Count == 0 ? 0 : _requests.Min(),
            _requests.Count == 0 ? 0 : _requests.Max());
    }
}
