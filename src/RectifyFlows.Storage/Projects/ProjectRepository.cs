using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Projects;

/// <summary>
/// Projects by district (PK district id, RK project id): the weekly ranking of a district reads one partition. Progress
/// changes are ETag-guarded and commit with their audit row (<c>audit|project|…</c>, same partition).
/// </summary>
public sealed class ProjectRepository(CycleTables tables, IOptions<StorageOptions> options)
{
    public const string AuditKind = "project";

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
            $"PartitionKey eq '{LedgerKeys.Escape(districtId)}' and (RowKey lt '{LedgerKeys.AuditPrefix}' or RowKey ge 'audit}}')",
            cancellationToken: cancellationToken))
        {
            projects.Add(Json.Deserialize<Project>(row.Json));
        }

        return projects;
    }

    public async Task<Project?> GetAsync(string districtId, string projectId, CancellationToken cancellationToken)
    {
        var row = await tables.Projects.GetEntityIfExistsAsync<JsonEntity>(districtId, projectId, cancellationToken: cancellationToken);
        return row.HasValue ? Json.Deserialize<Project>(row.Value!.Json) : null;
    }

    /// <summary>
    /// Applies reported progress: read, check (<see cref="ProjectProgress.Check"/>), write with the ETag plus an audit
    /// row, re-read on a lost race. Returns the errors when the check fails (nothing written). The last event applied
    /// again (a retry after a crash before the webhook recorded its response) writes nothing: the row remembers it.
    /// </summary>
    public async Task<ValidationErrors> ApplyProgressAsync(
        string districtId, ProjectProgress progress, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        for (var attempt = 0; attempt < options.Value.ConcurrencyRetries; attempt++)
        {
            var row = await tables.Projects.GetEntityIfExistsAsync<TableEntity>(districtId, progress.ProjectId, cancellationToken: cancellationToken);
            var before = row.HasValue ? Json.Deserialize<Project>(row.Value!.GetString("Json")) : null;
            var errors = progress.Check(before);
            if (errors.HasErrors || row.Value!.GetString("LastEventId") == progress.EventId)
            {
                return errors;
            }

            var after = progress.ApplyTo(before!);
            var version = (row.Value.GetInt64("Version") ?? 0) + 1;
            var updated = new TableEntity(districtId, progress.ProjectId)
            {
                ["Status"] = after.Status,
                ["UnitId"] = after.UnitId,
                ["Json"] = Json.Serialize(after),
                ["LastEventId"] = progress.EventId,
                ["Version"] = version,
            };
            var audit = AuditEntity.From(new AuditEvent
            {
                EntityKind = AuditKind,
                EntityId = after.Id,
                Action = "progress",
                Actor = actor,
                At = at,
                FromStatus = before!.Status,
                ToStatus = after.Status,
                Reason = $"event {progress.EventId}",
                Changes = new Dictionary<string, string?[]>
                {
                    ["percent"] = [before.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    ["disbursed"] = [before.Disbursed.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Disbursed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                },
            }, districtId, LedgerKeys.Audit(AuditKind, after.Id, at, version, 0));
            try
            {
                await tables.Projects.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, updated, row.Value.ETag),
                    new(TableTransactionActionType.Add, audit),
                ], cancellationToken);
                return errors;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * (attempt + 1)), cancellationToken);
            }
        }

        throw new ConcurrencyConflictException($"Project {progress.ProjectId} kept changing; try again.");
    }

    /// <summary>The audit rows of a project, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(string districtId, string projectId, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in tables.Projects.QueryAsync<AuditEntity>(
            LedgerKeys.PrefixFilter(districtId, LedgerKeys.AuditOf(AuditKind, projectId)), cancellationToken: cancellationToken))
        {
            events.Add(row.ToEvent());
        }

        return events;
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
