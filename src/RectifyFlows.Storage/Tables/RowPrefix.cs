using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// The rows of one kind inside a partition: those whose keys start with one prefix ending in '|'. '|' cannot occur in
/// ids (see <c>Identifiers</c>) and '}' sorts right after it, so the kind is the key range from the prefix to
/// <see cref="End"/> — one range query reads it, and its complement skips it. Declared once here, so no caller
/// spells the range end by hand.
/// </summary>
public readonly record struct RowPrefix
{
    public RowPrefix(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value[^1] != '|')
        {
            throw new ArgumentException($"A row prefix ends with '|': '{value}'.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>The first key after every row of the kind.</summary>
    public string End => Value[..^1] + "}";

    /// <summary>The key of one row of the kind.</summary>
    public string Key(string id) => Value + id;

    /// <summary>A narrower kind inside this one (<c>audit|</c> → <c>audit|measure|</c>).</summary>
    public RowPrefix Then(string segment) => new(Value + segment + "|");

    /// <summary>An OData filter selecting the rows of the kind in one partition.</summary>
    public string Filter(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {Value} and RowKey lt {End}");

    /// <summary>An OData filter selecting the rows of one partition that are not of the kind.</summary>
    public string ExceptFilter(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and (RowKey lt {Value} or RowKey ge {End})");

    public override string ToString() => Value;
}
