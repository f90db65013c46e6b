using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>Reads of rows that carry one JSON document (<see cref="JsonEntity"/>).</summary>
public static class JsonDocuments
{
    /// <summary>The document of one row (one point read), or null when there is no such row.</summary>
    public static async Task<T?> FindDocumentAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = await table.GetEntityIfExistsAsync<JsonEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? RowJson.Deserialize<T>(row.Value!.Json) : null;
    }
}
