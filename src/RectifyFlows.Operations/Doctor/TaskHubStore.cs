using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Operations.Doctor;

/// <summary>
/// Read-only access to the tables of the Durable Task Azure Storage provider (<c>{hub}Instances</c>, <c>{hub}History</c>),
/// the backend of both hosts. The durable client cannot tell a corrupt history from a healthy one — the engine only
/// logs "Multiple ExecutionStartedEvent found" and retries the instance forever — so the doctor reads it here.
/// </summary>
public sealed class TaskHubStore(TableServiceClient service, string taskHubName)
{
    public string TaskHubName { get; } = taskHubName;

    public TableClient History => service.GetTableClient(TaskHubName + "History");

    public TableClient Instances => service.GetTableClient(TaskHubName + "Instances");

    /// <summary>True when one execution of the instance has more than one ExecutionStarted event: the engine can never load it.</summary>
    public async Task<bool> HasDuplicateStartAsync(string instanceId, CancellationToken cancellationToken)
    {
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in History.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and EventType eq {"ExecutionStarted"}"),
                select: ["ExecutionId"], cancellationToken: cancellationToken))
            {
                var execution = row.GetString("ExecutionId") ?? string.Empty;
                starts[execution] = starts.GetValueOrDefault(execution) + 1;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }

        return starts.Values.Any(count => count > 1);
    }
}
