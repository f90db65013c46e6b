namespace RectifyFlows.Domain.Validation;

/// <summary>Collects every problem of an input, keyed by the JSON path of the field (<c>categories[0].problems[1].title</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Values.Sum(list => list.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Adds an error when the value is null or blank; returns whether it was present.</summary>
    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return false;
        }

        return true;
    }

    /// <summary>The shape ASP.NET Core's validation problem details expect.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
