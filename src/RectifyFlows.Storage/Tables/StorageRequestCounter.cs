using Azure.Core;
using Azure.Core.Pipeline;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// Counts the HTTP requests the Tables client sends inside a scope, so benchmarks and tests can show how many
/// storage round trips a query costs (a unit's measures should be one partition, one request).
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting the requests made by this async flow until the scope is disposed.</summary>
    public static Scope Begin()
    {
        var counter = new Counter();
        Current.Value = counter;
        return new Scope(counter);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Increment();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Increment();
        return ProcessNextAsync(message, pipeline);
    }

    private static void Increment()
    {
        if (Current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Requests);
        }
    }

    /// <summary>Holds the running count.</summary>
    public sealed class Counter
    {
#pragma warning disable CA1051 // A field so Interlocked can update it.
        public int Requests;
#pragma warning restore CA1051
    }

    /// <summary>A counting scope; <see cref="Requests"/> is the number of requests so far.</summary>
    public sealed class Scope(Counter counter) : IDisposable
    {
        public int Requests => Volatile.Read(ref counter.Requests);

        public void Dispose()
        {
            if (Current.Value == counter)
            {
                Current.Value = null;
            }
        }
    }
}
