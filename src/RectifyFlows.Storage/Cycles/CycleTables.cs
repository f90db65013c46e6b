using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Storage.Cycles;

/// <summary>
/// Tables the cycles read and write, beside the ledger: inspection results by month, actions by unit, projects by
/// district, strikes by unit, archived reports by kind and period, webhook events by id, plans by name.
/// </summary>
public sealed class CycleTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    public TableClient InspectionResults => Table("InspectionResults");
    public TableClient Actions => Table("Actions");
    public TableClient Projects => Table("Projects");
    public TableClient Strikes => Table("Strikes");
    public TableClient Reports => Table("Reports");
    public TableClient WebhookEvents => Table("WebhookEvents");
    public TableClient PlanDirectory => Table("PlanDirectory");

    public IEnumerable<TableClient> All => [InspectionResults, Actions, Projects, Strikes, Reports, WebhookEvents, PlanDirectory];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(All.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));

    private TableClient Table(string name) => service.GetTableClient(_prefix + name);
}
