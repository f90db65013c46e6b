using System.Collections.Concurrent;

namespace RectifyFlows.Workflows.Tests.InMemory;

/// <summary>
/// What the fake activities of an in-memory orchestration were called with, in call order. Thread-safe: the worker
/// runs activities on its own threads.
/// </summary>
public sealed class ActivityCalls
{
    private readonly ConcurrentQueue<(string Name, object? Input)> calls = new();

    public void Add(string name, object? input) => calls.Enqueue((name, input));

    /// <summary>The activities' names in the order they were called.</summary>
    public IReadOnlyList<string> Names => [.. calls.Select(c => c.Name)];

    /// <summary>The inputs the activity <paramref name="name"/> got, in call order.</summary>
    public IReadOnlyList<T> InputsOf<T>(string name) => [.. calls.Where(c => c.Name == name).Select(c => (T)c.Input!)];
}
