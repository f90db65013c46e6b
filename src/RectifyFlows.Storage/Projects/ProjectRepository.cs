using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Webhooks;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Storage.Projects;

/// <summary>
/// The projects ledger, by office (PK the issuing office's unit id — a format 1 plan's district —, RK project id): an
/// office's ranking reads one partition. Every registration and progress change is ETag-guarded and commits with its
/// audit row (<c>audit|project|…</c>, same partition). Partition <c>index|projects</c> maps a project id to its office,
/// so a project id is unique across offices and the progress webhook finds a project from its id alone. The progress
/// webhook's event records (<c>audit|webhook|…</c>) sit in the project's partition, in the audit range.
/// </summary>
public sealed class ProjectRepository(FeatureTables tables, IOptions<StorageOptions> options)
{
    public const string AuditKind = "project";
    private const string IndexPartition = "index|projects";

    /// <summary>
    /// Writes projects as a bulk source has them (the seed data, a plan file's block, an uploaded workbook): a project
    /// that is new or differs is written with an audit row (<paramref name="action"/>); one that is unchanged writes
    /// nothing. Refused, with nothing at all written (the returned errors, keyed <c>projects[{id}].{field}</c>): a
    /// project registered under another office, and — when <paramref name="exportedVersions"/> is given (a workbook
    /// exported earlier) — a changed project whose stored version is not the one it was exported at, or a new row whose
    /// id exists. A write racing this one: <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public async Task<ValidationErrors> ImportAsync(
        string officeId, IEnumerable<Project> projects, string actor, DateTimeOffset at, string action, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, long?>? exportedVersions = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var errors = new ValidationErrors();
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in tables.Projects.QueryAsync<TableEntity>(
            ProjectRowsFilter(officeId),
            cancellationToken: cancellationToken))
        {
            existing[row.RowKey] = row;
        }

        var owners = await OfficesOfAsync(projects.Select(p => p.Id).Where(id => !existing.ContainsKey(id)), cancellationToken);
        var groups = new List<List<TableTransactionAction>>();
        var index = new List<TableTransactionAction>();
        foreach (var project in projects)
        {
            if (owners.TryGetValue(project.Id, out var owner) && owner != officeId)
            {
                errors.Add($"projects[{project.Id}].id", $"project '{project.Id}' is registered under office '{owner}'.");
                continue;
            }

            existing.TryGetValue(project.Id, out var stored);
            // Compared as values, not as JSON: 1952350 and 1952350.00 yuan read back from a spreadsheet are the same amount.
            var before = stored is null ? null : RowJson.Deserialize<Project>(stored.GetString("Json"));
            if (before == project)
            {
                continue;
            }

            // A row written before projects were versioned has none: version 0.
            if (exportedVersions is not null && stored is not null && exportedVersions.GetValueOrDefault(project.Id) is var exported
                && exported != (stored.GetInt64("Version") ?? 0))
            {
                errors.Add($"projects[{project.Id}].version", exported is null
                    ? $"project '{project.Id}' already exists (version {stored.GetInt64("Version") ?? 0}); export the ledger again to edit it."
                    : $"project '{project.Id}' changed since the export (version {exported} → {stored.GetInt64("Version") ?? 0}); export the ledger again.");
                continue;
            }

            var version = (stored?.GetInt64("Version") ?? 0) + 1;
            groups.Add(
            [
                stored is null
                    ? new(TableTransactionActionType.Add, Row(officeId, project, version, null))
                    : new(TableTransactionActionType.UpdateReplace, Row(officeId, project, version, stored.GetString("LastEventId")), stored.ETag),
                new(TableTransactionActionType.Add, Audit(officeId, before, project, action, actor, at, version)),
            ]);
            if (stored is null)
            {
                index.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(IndexPartition, project.Id) { ["OfficeId"] = officeId }));
            }
        }

        if (errors.HasErrors)
        {
            return errors;
        }

        await TableBatches.SubmitAsync(tables.Projects, index, cancellationToken);
        try
        {
            foreach (var batch in TableBatches.Pack(groups))
            {
                await tables.Projects.SubmitTransactionAsync(batch, cancellationToken);
            }
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrencyConflictException($"A project of office '{officeId}' changed while it was being imported; read it again and retry.");
        }

        return errors;
    }

    /// <summary>The office's projects with their stored versions (what an export must carry to detect a later change).</summary>
    public async Task<IReadOnlyList<(Project Project, long Version)>> ListVersionedAsync(string officeId, CancellationToken cancellationToken)
    {
        var projects = new List<(Project, long)>();
        await foreach (var row in tables.Projects.QueryAsync<TableEntity>(
            ProjectRowsFilter(officeId), select: ["Json", "Version"], cancellationToken: cancellationToken))
        {
            projects.Add((RowJson.Deserialize<Project>(row.GetString("Json")), row.GetInt64("Version") ?? 0));
        }

        return projects;
    }

    /// <summary>
    /// Registers or replaces one project (<c>POST /api/projects</c>): with <paramref name="ifMatch"/> only over that
    /// version (a stale ETag: <see cref="ConcurrencyConflictException"/>), without it only when the id is new. Returns
    /// the stored project with its ETag and whether it was created; errors when the id belongs to another office.
    /// </summary>
    public async Task<(Project? Project, string? ETag, bool Created, ValidationErrors Errors)> RegisterAsync(
        string officeId, Project project, string? ifMatch, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var errors = new ValidationErrors();
        var owner = (await OfficesOfAsync([project.Id], cancellationToken)).GetValueOrDefault(project.Id);
        if (owner is not null && owner != officeId)
        {
            errors.Add("id", $"project '{project.Id}' is registered under office '{owner}'.");
            return (null, null, false, errors);
        }

        var stored = await tables.Projects.GetEntityIfExistsAsync<TableEntity>(officeId, project.Id, cancellationToken: cancellationToken);
        if (stored.HasValue && ifMatch is null)
        {
            throw new ConcurrencyConflictException($"Project '{project.Id}' exists; send If-Match with its ETag to replace it.");
        }

        if (!stored.HasValue && ifMatch is not null)
        {
            errors.Add("id", $"unknown project '{project.Id}': If-Match needs an existing project.");
            return (null, null, false, errors);
        }

        var before = stored.HasValue ? RowJson.Deserialize<Project>(stored.Value!.GetString("Json")) : null;
        var version = (stored.HasValue ? stored.Value!.GetInt64("Version") ?? 0 : 0) + 1;
        var row = Row(officeId, project, version, stored.HasValue ? stored.Value!.GetString("LastEventId") : null);
        try
        {
            if (!stored.HasValue)
            {
                await tables.Projects.UpsertEntityAsync(new TableEntity(IndexPartition, project.Id) { ["OfficeId"] = officeId }, cancellationToken: cancellationToken);
            }

            var response = await tables.Projects.SubmitTransactionAsync(
            [
                stored.HasValue ? new(TableTransactionActionType.UpdateReplace, row, new Azure.ETag(ifMatch!)) : new(TableTransactionActionType.Add, row),
                new(TableTransactionActionType.Add, Audit(officeId, before, project, stored.HasValue ? "updated" : "registered", actor, at, version)),
            ], cancellationToken);
            return (project, response.Value[0].Headers.ETag?.ToString(), !stored.HasValue, errors);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrencyConflictException($"Project '{project.Id}' changed since that ETag; read it again and retry.");
        }
    }

    /// <summary>The office a project is registered under, or null.</summary>
    public async Task<string?> FindOfficeAsync(string projectId, CancellationToken cancellationToken) =>
        (await OfficesOfAsync([projectId], cancellationToken)).GetValueOrDefault(projectId);

    private async Task<Dictionary<string, string>> OfficesOfAsync(IEnumerable<string> projectIds, CancellationToken cancellationToken)
    {
        var owners = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(projectIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                var row = await tables.Projects.GetEntityIfExistsAsync<TableEntity>(IndexPartition, id, cancellationToken: ct);
                if (row.HasValue && row.Value!.GetString("OfficeId") is { } office)
                {
                    owners[id] = office;
                }
            });
        return new Dictionary<string, string>(owners, StringComparer.Ordinal);
    }

    private static TableEntity Row(string officeId, Project project, long version, string? lastEventId) => new(officeId, project.Id)
    {
        ["Status"] = project.Status,
        ["UnitId"] = project.UnitId,
        ["Json"] = RowJson.Serialize(project),
        ["LastEventId"] = lastEventId,
        ["Version"] = version,
    };

    private static TableEntity Audit(string officeId, Project? before, Project after, string action, string actor, DateTimeOffset at, long version) =>
        AuditEntity.From(new AuditEvent
        {
            EntityKind = AuditKind,
            EntityId = after.Id,
            Action = action,
            Actor = actor,
            At = at,
            FromStatus = before?.Status,
            ToStatus = after.Status,
            Changes = before is null
                ? new Dictionary<string, string?[]>()
                : new Dictionary<string, string?[]> { ["project"] = [RowJson.Serialize(before), RowJson.Serialize(after)] },
        }, officeId, LedgerKeys.Audit(AuditKind, after.Id, at, version, 0));

    /// <summary>The projects an office registered (a format 1 plan's office is its district): one partition.</summary>
    public Task<IReadOnlyList<Project>> ListByOfficeAsync(string officeId, CancellationToken cancellationToken) =>
        ListByDistrictAsync(officeId, cancellationToken);

    public async Task<IReadOnlyList<Project>> ListByDistrictAsync(string districtId, CancellationToken cancellationToken) =>
        [.. (await ListVersionedAsync(districtId, cancellationToken)).Select(p => p.Project)];

    /// <summary>
    /// One project, or null. No endpoint reads a single project yet (listings do); this is the ledger's point read,
    /// kept beside <see cref="AuditAsync"/> as the read side of what the webhook and imports write.
    /// </summary>
    public Task<Project?> GetAsync(string districtId, string projectId, CancellationToken cancellationToken) =>
        tables.Projects.FindDocumentAsync<Project>(districtId, projectId, cancellationToken);

    /// <summary>
    /// Applies reported progress: read, check (<see cref="ProjectProgress.Check"/>), write with the ETag plus an audit
    /// row, re-read on a lost race. Returns the errors when the check fails (nothing written). The last event applied
    /// again (a retry after a crash before the webhook recorded its response) writes nothing: the row remembers it.
    /// With <paramref name="webhookEvent"/>, the event's record and response (<see cref="WebhookEventRows"/>) commit in
    /// the same transaction as the change: a read and a transaction, two round trips in all, the insert of the record
    /// being the replay check (issue 13). Answer: the first response when the event was recorded before (nothing
    /// written), else the response given here.
    /// </summary>
    public async Task<(ValidationErrors Errors, StoredResponse? Answer)> ApplyProgressAsync(
        string districtId, ProjectProgress progress, string actor, DateTimeOffset at, WebhookEvent? webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        for (var attempt = 0; attempt < options.Value.ConcurrencyRetries; attempt++)
        {
            var row = await tables.Projects.GetEntityIfExistsAsync<TableEntity>(districtId, progress.ProjectId, cancellationToken: cancellationToken);
            var before = row.HasValue ? RowJson.Deserialize<Project>(row.Value!.GetString("Json")) : null;
            var errors = progress.Check(before);
            if (errors.HasErrors)
            {
                return (errors, null);
            }

            if (row.Value!.GetString("LastEventId") == progress.EventId)
            {
                // Applied already (the row remembers its last event; a retry after a crash before an older webhook
                // recorded its response): nothing to write, the answer is the accepted one.
                return (errors, webhookEvent?.Response);
            }

            var after = progress.ApplyTo(before!);
            var version = (row.Value.GetInt64("Version") ?? 0) + 1;
            var updated = new TableEntity(districtId, progress.ProjectId)
            {
                ["Status"] = after.Status,
                ["UnitId"] = after.UnitId,
                ["Json"] = RowJson.Serialize(after),
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
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, updated, row.Value.ETag),
                new(TableTransactionActionType.Add, audit),
            ];
            if (webhookEvent is not null)
            {
                actions.Add(WebhookEventRows.Insert(districtId, webhookEvent.Source, progress.EventId, webhookEvent.Response, at));
            }

            try
            {
                await tables.Projects.SubmitTransactionAsync(actions, cancellationToken);
                return (errors, webhookEvent?.Response);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
            {
                // A 409 may be the event's record: a replay, answered as the first time. Otherwise another writer won.
                if (ex.Status == 409 && webhookEvent is not null
                    && await FindEventResponseAsync(districtId, webhookEvent.Source, progress.EventId, cancellationToken) is { } first)
                {
                    return (errors, first);
                }

                await Task.Delay(Random.Shared.Next(5, 20 * (attempt + 1)), cancellationToken);
            }
        }

        throw new ConcurrencyConflictException($"Project {progress.ProjectId} kept changing; try again.");
    }

    /// <summary>The response first given to a webhook event recorded in an office's partition (one point read), or null.</summary>
    public Task<StoredResponse?> FindEventResponseAsync(string officeId, string source, string eventId, CancellationToken cancellationToken) =>
        WebhookEventRows.FindAsync(tables.Projects, officeId, source, eventId, cancellationToken);

    /// <summary>The audit rows of a project, oldest first: the ledger's answer to "who changed this, and when".</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(string districtId, string projectId, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in tables.Projects.QueryAsync<TableEntity>(
            LedgerKeys.AuditOf(AuditKind, projectId).Filter(districtId), cancellationToken: cancellationToken))
        {
            events.Add(AuditEntity.ToEvent(row));
        }

        return events;
    }

    /// <summary>An office's project rows, without its audit and webhook event rows (the <c>audit|</c> range).</summary>
    private static string ProjectRowsFilter(string officeId) => LedgerKeys.Audits.ExceptFilter(officeId);
}
