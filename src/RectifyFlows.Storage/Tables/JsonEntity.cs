
namespace RectifyFlows.Storage.Tables;

/// <summary>
/// A row that carries one JSON document (plus a few indexed columns). Used where the shape is a domain record read
/// and written whole — inspection results, actions, projects — so the record and its row cannot drift apart.
/// </summary>
public class JsonEntity : TableRow
{
    /// <summary>A column to filter on server-side (kind, status, unit…).</summary>
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public string? UnitId { get; set; }

    /// <summary>The document; at most 32K characters (a table property's limit), checked on write.</summary>
    public string Json { get; set; } = "{}";
}
