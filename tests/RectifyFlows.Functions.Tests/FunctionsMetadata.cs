using System.Text.Json;

namespace RectifyFlows.Functions.Tests;

/// <summary>The built <c>functions.metadata</c>: every function the Functions host will index, with its bindings.</summary>
internal sealed class FunctionsMetadata
{
    private FunctionsMetadata(IReadOnlyList<FunctionEntry> functions) => Functions = functions;

    public IReadOnlyList<FunctionEntry> Functions { get; }

    public static FunctionsMetadata Load()
    {
        var path = FunctionsOutput.PathOf("functions.metadata");
        Assert.IsTrue(File.Exists(path), $"{path} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new([.. document.RootElement.EnumerateArray().Select(FunctionEntry.From)]);
    }

    public FunctionEntry Single(string name)
    {
        var matches = Functions.Where(f => f.Name == name).ToList();
        Assert.HasCount(1, matches, $"functions.metadata should list '{name}' exactly once.");
        return matches[0];
    }
}

/// <summary>One function of <c>functions.metadata</c>.</summary>
internal sealed record FunctionEntry(string Name, IReadOnlyList<BindingEntry> Bindings)
{
    /// <summary>The one input binding whose type ends in "Trigger".</summary>
    public BindingEntry Trigger => Bindings.Single(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public bool Binds(string type) => Bindings.Any(b => b.Type == type);

    public static FunctionEntry From(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        [.. function.GetProperty("bindings").EnumerateArray().Select(BindingEntry.From)]);
}

/// <summary>One binding of a function, with the trigger settings the tests look at.</summary>
internal sealed record BindingEntry(string Type, string Direction, string? Schedule, string? Route, string? AuthLevel, IReadOnlyList<string> Methods)
{
    public static BindingEntry From(JsonElement binding)
    {
        string? Text(string name) => binding.TryGetProperty(name, out var value) ? value.GetString() : null;
        var methods = binding.TryGetProperty("methods", out var list) ? list.EnumerateArray().Select(m => m.GetString()!).ToList() : [];
        return new(Text("type")!, Text("direction")!, Text("schedule"), Text("route"), Text("authLevel"), methods);
    }
}
