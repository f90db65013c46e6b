using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Storage.Plans;

/// <summary>
/// Imports a validated plan idempotently. Same content again: one read, no write, no audit event. Changed content:
/// only the changed rows are written, each measure update ETag-guarded and audited. The header row goes last, so a
/// crash part-way leaves a plan that the next import completes.
/// </summary>
public sealed partial class PlanImporter(
    LedgerTables tables,
    PlanDirectoryRepository directory,
    UnitRepository units,
    MeasureProjector projector,
    Projects.ProjectRepository projects,
    TimeProvider time,
    ILogger<PlanImporter> logger)
{
    public const string AuditKind = "plan";
    private const int MaxAttempts = 5;

    public async Task<PlanImportResult> ImportAsync(Plan plan, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fingerprint = Fingerprints.Of(plan);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportOnceAsync(plan, fingerprint, actor, cancellationToken);
            }
            catch (RequestFailedException ex) when (TableBatches.IsConcurrencyConflict(ex) && attempt < MaxAttempts)
            {
                // A measure changed while we imported: read the ledger again and redo the diff.
                LogImportRetry(plan.Id, attempt);
            }
        }
    }

    private async Task<PlanImportResult> ImportOnceAsync(Plan plan, string fingerprint, string actor, CancellationToken cancellationToken)
    {
        var header = await tables.Ledger.GetEntityIfExistsAsync<PlanEntity>(plan.Id, LedgerKeys.PlanRow, cancellationToken: cancellationToken);
        if (header.HasValue && header.Value!.Fingerprint == fingerprint)
        {
            return new PlanImportResult(plan.Id, PlanImportOutcome.Unchanged, 0, 0, 0, []);
        }

        var existingMeasures = new Dictionary<string, (Measure Stored, ETag ETag)>(StringComparer.Ordinal);
        await foreach (var row in tables.Ledger.QueryAsync<TableEntity>(
            LedgerKeys.Measures.Filter(plan.Id), cancellationToken: cancellationToken))
        {
            var stored = MeasureEntity.ToMeasure(row);
            existingMeasures[stored.Id] = (stored, row.ETag);
        }

        var newMeasures = plan.Measures.Where(m => !existingMeasures.ContainsKey(m.Id)).ToList();
        await ClaimMeasureIdsAsync(plan.Id, newMeasures, cancellationToken);
        var unitImport = await units.ImportAsync(plan, actor, cancellationToken);
        var unitsWritten = unitImport.Written;

        var now = time.GetUtcNow();
        // Each group (a measure with its audit and evidence rows) must commit in one transaction.
        var groups = new List<List<TableTransactionAction>> { (await StructureActionsAsync(plan, cancellationToken)).ToList() };

        var created = new List<Measure>();
        foreach (var measure in newMeasures)
        {
            var actions = new List<TableTransactionAction>();
            created.Add(AddNewMeasure(plan, measure with { Version = 1 }, actor, now, actions));
            groups.Add(actions);
        }

        var updated = new List<(Measure Before, Measure After)>();
        foreach (var measure in plan.Measures.Where(m => existingMeasures.ContainsKey(m.Id)))
        {
            var (before, etag) = existingMeasures[measure.Id];
            var after = WithDefinition(before, measure);
            if (MeasureRepository.Diff(before, after).Count == 0 && before.Number == after.Number
                && before.ProblemId == after.ProblemId && before.ReviewEveryMonths == after.ReviewEveryMonths)
            {
                continue;
            }

            after = after with { Version = before.Version + 1 };
            updated.Add((before, after));
            var actions = new List<TableTransactionAction>();
            groups.Add(actions);
            actions.Add(new(TableTransactionActionType.UpdateReplace,
                MeasureEntity.From(after, plan.Id, LedgerKeys.Measures.Key(after.Id)), etag));
            var change = new MeasureChange(new LifecycleOutcome(after, []), "import.updated", $"方案 {plan.Id} 重新导入");
            actions.AddRange(MeasureRepository.AuditRows(before, change, actor, now)
                .Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        }

        foreach (var batch in TableBatches.Pack(groups))
        {
            await tables.Ledger.SubmitTransactionAsync(batch, cancellationToken);
        }

        await projector.ProjectNewAsync(created, cancellationToken);
        foreach (var (before, after) in updated)
        {
            await projector.ProjectAsync(before, after, cancellationToken);
        }

        if (plan.Projects.Count > 0)
        {
            var refused = await projects.ImportAsync(plan.OfficeId, plan.Projects, actor, now, "import", cancellationToken);
            if (refused.HasErrors)
            {
                throw new PlanConflictException("Project ids of the file are registered under another office.", refused.ToDictionary());
            }
        }

        await directory.RegisterAsync(plan, cancellationToken);
        var outcome = header.HasValue ? PlanImportOutcome.Updated : PlanImportOutcome.Created;
        await WriteHeaderAsync(plan, fingerprint, header.HasValue ? header.Value : null, outcome, actor, now, cancellationToken);

        var notInFile = existingMeasures.Keys.Except(plan.Measures.Select(m => m.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        LogImported(plan.Id, outcome, created.Count, updated.Count, unitsWritten);
        return new PlanImportResult(plan.Id, outcome, created.Count, updated.Count, unitsWritten, notInFile,
            [.. created.Select(m => m.Id).Concat(updated.Select(u => u.After.Id))])
        {
            UnitsKept = unitImport.KeptAsOtherPlans,
        };
    }

    /// <summary>
    /// A measure id is global (it is in the URL). New ids are claimed with insert-if-absent (one request each; two plans
    /// importing the same id at once cannot both own it), before anything else is written. When another plan owns
    /// one, the claims this call made are taken back and the import is refused, so a refused import leaves nothing.
    /// </summary>
    private async Task ClaimMeasureIdsAsync(string planId, List<Measure> newMeasures, CancellationToken cancellationToken)
    {
        var owners = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(newMeasures, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (measure, ct) =>
            {
                try
                {
                    await tables.MeasureDirectory.AddEntityAsync(
                        new MeasureDirectoryEntity { PartitionKey = measure.Id, RowKey = string.Empty, PlanId = planId }, ct);
                    claimed.Add(measure.Id);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    var owner = await tables.MeasureDirectory.GetEntityAsync<MeasureDirectoryEntity>(measure.Id, string.Empty, cancellationToken: ct);
                    if (owner.Value.PlanId != planId)
                    {
                        owners[measure.Id] = owner.Value.PlanId;
                    }
                }
            });
        if (owners.IsEmpty)
        {
            return;
        }

        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = CancellationToken.None },
            async (measureId, ct) => await tables.MeasureDirectory.DeleteEntityAsync(measureId, string.Empty, cancellationToken: ct));
        throw new PlanConflictException(
            $"{owners.Count} measure id(s) already belong to other plans.",
            owners.ToDictionary(o => $"measures[{o.Key}].id", o => new[] { $"measure id '{o.Key}' already belongs to plan '{o.Value}'." }));
    }

    /// <summary>Categories and problems that are new or differ from what is stored.</summary>
    private async Task<IEnumerable<TableTransactionAction>> StructureActionsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var storedCategories = await PlanOutlineRows.ReadCategoriesAsync(tables.Ledger, plan.Id, cancellationToken);
        var storedProblems = await PlanOutlineRows.ReadProblemsAsync(tables.Ledger, plan.Id, cancellationToken);

        // A row is written when its record or its place in the file differs from what is stored (records compare by value).
        var categories = plan.Categories.Select((c, i) => (c, i))
            .Where(c => storedCategories.GetValueOrDefault(c.c.Id) != (c.c, c.i))
            .Select(c => PlanOutlineRows.Row(plan.Id, c.c, c.i));
        var problems = plan.Problems.Select((p, i) => (p, i))
            .Where(p => storedProblems.GetValueOrDefault(p.p.Id) != (p.p, p.i))
            .Select(p => PlanOutlineRows.Row(plan.Id, p.p, p.i));
        return categories.Concat(problems).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
    }

    /// <summary>
    /// Adds a measure with its creation event, and — when the plan file records results for it — the evidence and
    /// the lifecycle steps that evidence implies (NotStarted → InProgress → EvidenceSubmitted).
    /// </summary>
    private static Measure AddNewMeasure(Plan plan, Measure measure, string actor, DateTimeOffset now, List<TableTransactionAction> actions)
    {
        actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(new AuditEvent
        {
            EntityKind = MeasureRepository.AuditKind, EntityId = measure.Id, Action = "import.created", Actor = actor, At = now,
            ToStatus = measure.Status.ToString(), Reason = $"方案 {plan.Id}",
        }, plan.Id, LedgerKeys.Audit(MeasureRepository.AuditKind, measure.Id, now, measure.Version, 0))));

        var evidence = plan.Evidence.Where(e => e.MeasureId == measure.Id).ToList();
        var current = measure;
        if (evidence.Count > 0)
        {
            var outcome = MeasureLifecycle.SubmitEvidence(measure, evidence.Max(e => e.SubmittedAt));
            var change = new MeasureChange(outcome, "evidence", "方案文件所载整改成效");
            actions.AddRange(MeasureRepository.AuditRows(measure, change, actor, now)
                .Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            actions.AddRange(evidence.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add,
                EvidenceEntity.From(e, plan.Id, LedgerKeys.Evidence(measure.Id, outcome.Measure.Version, i)))));
            current = outcome.Measure;
        }

        actions.Add(new(TableTransactionActionType.Add, MeasureEntity.From(current, plan.Id, LedgerKeys.Measures.Key(current.Id))));
        return current;
    }

    /// <summary>The stored measure with the plan file's definition and the stored live state.</summary>
    private static Measure WithDefinition(Measure stored, Measure defined) => stored with
    {
        CategoryId = defined.CategoryId,
        ProblemId = defined.ProblemId,
        Number = defined.Number,
        Text = defined.Text,
        Kind = defined.Kind,
        LeadOfficialId = defined.LeadOfficialId,
        LeadUnitId = defined.LeadUnitId,
        LeadUnitIds = defined.LeadUnitIds,
        ResponsibleUnitIds = defined.ResponsibleUnitIds,
        StartDate = defined.StartDate,
        DueDate = defined.DueDate,
        ReviewEveryMonths = defined.ReviewEveryMonths,
    };

    private async Task WriteHeaderAsync(
        Plan plan, string fingerprint, PlanEntity? previous, PlanImportOutcome outcome, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var entity = new PlanEntity
        {
            PartitionKey = plan.Id,
            RowKey = LedgerKeys.PlanRow,
            Title = plan.Title,
            DistrictId = plan.DistrictId,
            DistrictName = plan.DistrictName,
            OfficeId = plan.OfficeId,
            OfficeName = plan.OfficeName,
            SourceKind = plan.SourceKind.ToString(),
            SourceIssuer = plan.SourceIssuer,
            Provenance = System.Text.Json.JsonSerializer.Serialize(plan.Provenance),
            FeedbackDate = TableDates.Format(plan.FeedbackDate),
            Assumptions = System.Text.Json.JsonSerializer.Serialize(plan.Assumptions),
            Fingerprint = fingerprint,
            MeasureCount = plan.Measures.Count,
            ProblemCount = plan.Problems.Count,
            ImportedAt = now,
        };
        var audit = AuditEntity.From(new AuditEvent
        {
            EntityKind = AuditKind, EntityId = plan.Id, Action = outcome == PlanImportOutcome.Created ? "import.created" : "import.updated",
            Actor = actor, At = now,
            Changes = new Dictionary<string, string?[]> { ["fingerprint"] = [previous?.Fingerprint, fingerprint] },
        }, plan.Id, LedgerKeys.Audit(AuditKind, plan.Id, now, 0, 0));
        TableTransactionAction headerAction = previous is null
            ? new(TableTransactionActionType.Add, entity)
            : new(TableTransactionActionType.UpdateReplace, entity, previous.ETag);
        await tables.Ledger.SubmitTransactionAsync([headerAction, new(TableTransactionActionType.Add, audit)], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Plan {PlanId} imported: {Outcome}, {MeasuresCreated} measures created, {MeasuresUpdated} updated, {UnitsWritten} units written")]
    private partial void LogImported(string planId, PlanImportOutcome outcome, int measuresCreated, int measuresUpdated, int unitsWritten);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} changed during import, retrying (attempt {Attempt})")]
    private partial void LogImportRetry(string planId, int attempt);
}
