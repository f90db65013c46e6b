using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Testing;

/// <summary>
/// The tables of a task hub (Durable Task Azure Storage provider), to see instance states and to break instances the
/// ways an abruptly stopped store breaks them — what the doctor must find and repair.
/// </summary>
public sealed class TaskHub(string connectionString, string name)
{
    public TableClient Instances { get; } = new(connectionString, name + "Instances");
    public TableClient History { get; } = new(connectionString, name + "History");

    public async Task<string?> StatusAsync(string instanceId)
    {
        var row = await Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty);
        return row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
    }

    public async Task WaitForStatusAsync(string instanceId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await StatusAsync(instanceId);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The engine has not created its tables yet.
            }

            if (last == status)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{instanceId} is {last ?? "absent"}, not {status}, after {timeout.TotalSeconds} s.");
    }

    /// <summary>The corruption the engine reports as "Multiple ExecutionStartedEvent found": a second start event in one execution.</summary>
    public async Task DuplicateStartAsync(string instanceId)
    {
        var rows = await RowsAsync(instanceId);
        var started = rows.Single(r => r.GetString("EventType") == "ExecutionStarted");
        var copy = new TableEntity(started) { RowKey = (rows.Where(r => r.RowKey != "sentinel").Max(r => Convert.ToInt64(r.RowKey, 16)) + 1).ToString("X16", System.Globalization.CultureInfo.InvariantCulture) };
        await History.AddEntityAsync(copy);
    }

    public async Task<bool> HasDuplicateStartAsync(string instanceId) =>
        (await RowsAsync(instanceId)).Where(r => r.GetString("EventType") == "ExecutionStarted").GroupBy(r => r.GetString("ExecutionId")).Any(g => g.Count() > 1);

    /// <summary>What the store remembers of the instance's status, overwritten (a terminated or failed ladder).</summary>
    public async Task SetStatusAsync(string instanceId, string status)
    {
        var row = (await Instances.GetEntityAsync<TableEntity>(instanceId, string.Empty)).Value;
        row["RuntimeStatus"] = status;
        await Instances.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge);
    }

    /// <summary>Moves the instance's creation and last update back in time (a ladder that ended long ago).</summary>
    public async Task AgeAsync(string instanceId, DateTimeOffset at)
    {
        var row = (await Instances.GetEntityAsync<TableEntity>(instanceId, string.Empty)).Value;
        row["CreatedTime"] = at.UtcDateTime;
        row["LastUpdatedTime"] = at.UtcDateTime;
        await Instances.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge);
    }

    /// <summary>The store forgets the instance: its status row and history are gone.</summary>
    public async Task LoseAsync(string instanceId)
    {
        foreach (var row in await RowsAsync(instanceId))
        {
            await History.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await Instances.DeleteEntityAsync(instanceId, string.Empty);
    }

    private async Task<List<TableEntity>> RowsAsync(string instanceId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in History.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            rows.Add(row);
        }

        return rows;
    }
}
