using Azure.Data.Tables;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Projects;

/// <summary>Projects by district (PK district id, RK project id): the weekly ranking of a district reads one partition.</summary>
public sealed class ProjectRepository(CycleTables tables)
{
    public async Task UpsertAsync(string districtId, IEnumerable<Project> projects, CancellationToken cancellationToken)
    {
        var actions = projects.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new JsonEntity
        {
            PartitionKey = districtId,
            RowKey = p.Id,
            Status = p.Status,
            UnitId = p.UnitId,
            Json = Json.Serialize(p),
        }));
        await TableBatches.SubmitAsync(tables.Projects, actions, cancellationToken);
    }

    public async Task<IReadOnlyList<Project>> ListByDistrictAsync(string districtId, CancellationToken cancellationToken)
    {
        var projects = new List<Project>();
        await foreach (var row in tables.Projects.QueryAsync<JsonEntity>(
            $"PartitionKey eq '{LedgerKeys.Escape(districtId)}'", cancellationToken: cancellationToken))
        {
            projects.Add(Json.Deserialize<Project>(row.Json));
        }

        return projects;
    }

    public async Task<bool> AnyAsync(string districtId, CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.Projects.QueryAsync<JsonEntity>(
            $"PartitionKey eq '{LedgerKeys.Escape(districtId)}'", maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}
