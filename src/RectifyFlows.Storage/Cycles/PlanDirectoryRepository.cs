using Azure.Data.Tables;

namespace RectifyFlows.Storage.Cycles;

/// <summary>The plans (districts) the cycles run over: one partition listing every imported plan.</summary>
public sealed class PlanDirectoryRepository(CycleTables tables)
{
    private const string Partition = "plans";

    public async Task RegisterAsync(string planId, string districtId, string title, CancellationToken cancellationToken) =>
        await tables.PlanDirectory.UpsertEntityAsync(new TableEntity(Partition, planId)
        {
            ["DistrictId"] = districtId,
            ["Title"] = title,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every plan with its district id.</summary>
    public async Task<IReadOnlyList<(string PlanId, string DistrictId)>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = new List<(string, string)>();
        await foreach (var row in tables.PlanDirectory.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: cancellationToken))
        {
            plans.Add((row.RowKey, row.GetString("DistrictId") ?? string.Empty));
        }

        return plans;
    }
}
