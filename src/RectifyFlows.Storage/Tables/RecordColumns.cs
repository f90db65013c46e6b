using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// The columns of a row that mirrors a record field by field: one column per property the record can set, named like
/// it and stored by one convention — strings, numbers, flags and instants as they are, dates as <c>yyyy-MM-dd</c>
/// (<see cref="TableDates"/>), enums by name, anything else (lists, maps) as JSON with the serializer's defaults.
/// Like <see cref="JsonEntity"/> this keeps a record and its row from drifting apart, while every field stays a column
/// a filter can name. A row may call a field differently (<see cref="Rename"/>) or store it its own way
/// (<see cref="Write"/>). Reading builds the record through its primary constructor when it is positional, and sets
/// what the row has; a missing column leaves the record's default, and a missing non-nullable string reads as empty,
/// as a row class's <c>= string.Empty</c> did.
/// </summary>
public sealed class RecordColumns<T>
    where T : class
{
    private readonly Column[] _columns;

    // A positional record's primary constructor (null when the record has a parameterless one).
    private readonly ConstructorInfo? _constructor =
        typeof(T).GetConstructor(Type.EmptyTypes) is null ? typeof(T).GetConstructors().MaxBy(c => c.GetParameters().Length) : null;

    public RecordColumns()
    {
        var nullability = new NullabilityInfoContext();
        _columns = [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => new Column(p, p.Name, null,
                p.PropertyType == typeof(string) && nullability.Create(p).WriteState == NullabilityState.NotNull))];
    }

    private RecordColumns(Column[] columns) => _columns = columns;

    /// <summary>Stores <paramref name="property"/> under another column name.</summary>
    public RecordColumns<T> Rename(string property, string column) => With(property, c => c with { Name = column });

    /// <summary>Stores <paramref name="property"/> as <paramref name="value"/> computes it (null: no value).</summary>
    public RecordColumns<T> Write(string property, Func<T, object?> value) => With(property, c => c with { Writer = value });

    public TableEntity ToRow(T record, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var column in _columns)
        {
            row[column.Name] = column.Writer is { } write ? write(record) : ToColumn(column.Property, column.Property.GetValue(record));
        }

        return row;
    }

    public T FromRow(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var values = _columns.ToDictionary(c => c.Property.Name, c => Read(c, row), StringComparer.OrdinalIgnoreCase);
        if (_constructor is null)
        {
            var record = Activator.CreateInstance<T>();
            foreach (var column in _columns)
            {
                if (values[column.Property.Name] is { Found: true } value)
                {
                    column.Property.SetValue(record, value.Value);
                }
            }

            return record;
        }

        return (T)_constructor.Invoke([.. _constructor.GetParameters().Select(p =>
            values[p.Name!].Value ?? (p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null))]);
    }

    private static (bool Found, object? Value) Read(Column column, TableEntity row) =>
        row.TryGetValue(column.Name, out var stored) && stored is not null
            ? (true, FromColumn(column.Property.PropertyType, row, column.Name))
            : (column.EmptyWhenMissing, column.EmptyWhenMissing ? string.Empty : null);

    private static object? ToColumn(PropertyInfo property, object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or DateTimeOffset => value,
        DateOnly date => TableDates.Format(date),
        Enum name => name.ToString(),
        _ => JsonSerializer.Serialize(value, property.PropertyType),
    };

    private static object? FromColumn(Type type, TableEntity row, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => row.GetString(name),
            _ when target == typeof(bool) => row.GetBoolean(name),
            _ when target == typeof(int) => row.GetInt32(name),
            _ when target == typeof(long) => row.GetInt64(name),
            _ when target == typeof(double) => row.GetDouble(name),
            _ when target == typeof(DateTimeOffset) => row.GetDateTimeOffset(name),
            _ when target == typeof(DateOnly) => TableDates.Parse(row.GetString(name)),
            { IsEnum: true } => Enum.Parse(target, row.GetString(name)),
            _ => JsonSerializer.Deserialize(row.GetString(name), type),
        };
    }

    private RecordColumns<T> With(string property, Func<Column, Column> change)
    {
        var index = Array.FindIndex(_columns, c => c.Property.Name == property);
        if (index < 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no settable property {property}.", nameof(property));
        }

        var columns = (Column[])_columns.Clone();
        columns[index] = change(columns[index]);
        return new RecordColumns<T>(columns);
    }

    private sealed record Column(PropertyInfo Property, string Name, Func<T, object?>? Writer, bool EmptyWhenMissing);
}
