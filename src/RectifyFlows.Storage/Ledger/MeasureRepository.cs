using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>Reads and changes measures in the ledger: every change is ETag-guarded and commits with its audit rows.</summary>
public sealed partial class MeasureRepository(
    LedgerTables tables,
    MeasureProjector projector,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<MeasureRepository> logger)
{
    public const string AuditKind = "measure";

    // Measure → plan never changes once written, so it is safe to remember for the life of the process.
    private readonly ConcurrentDictionary<string, string> _planOfMeasure = new(StringComparer.Ordinal);

    /// <summary>The plan a measure belongs to, or null for an unknown id.</summary>
    public async Task<string?> FindPlanIdAsync(string measureId, CancellationToken cancellationToken)
    {
        if (_planOfMeasure.TryGetValue(measureId, out var cached))
        {
            return cached;
        }

        var row = await tables.MeasureDirectory.GetEntityIfExistsAsync<MeasureDirectoryEntity>(
            measureId, string.Empty, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        return _planOfMeasure[measureId] = row.Value!.PlanId;
    }

    public async Task<Measure?> GetAsync(string measureId, CancellationToken cancellationToken) =>
        await GetEntityAsync(measureId, cancellationToken) is { } entity ? MeasureEntity.ToMeasure(entity) : null;

    /// <summary>The measure with its audit history and evidence.</summary>
    public async Task<MeasureHistory?> GetWithHistoryAsync(string measureId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(measureId, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var measure = MeasureEntity.ToMeasure(entity);
        var history = tables.Ledger.QueryAsync<TableEntity>(
            LedgerKeys.AuditOf(AuditKind, measureId).Filter(measure.PlanId), cancellationToken: cancellationToken);
        var evidence = tables.Ledger.QueryAsync<TableEntity>(
            LedgerKeys.EvidenceOf(measureId).Filter(measure.PlanId), cancellationToken: cancellationToken);
        var events = new List<AuditEvent>();
        await foreach (var row in history)
        {
            events.Add(AuditEntity.ToEvent(row));
        }

        var submitted = new List<Domain.Plans.Evidence>();
        await foreach (var row in evidence)
        {
            submitted.Add(EvidenceEntity.ToEvidence(row));
        }

        return new MeasureHistory(measure, events, submitted);
    }

    /// <summary>Every measure of a plan: one partition, one range.</summary>
    public IAsyncEnumerable<Measure> ListByPlanAsync(string planId, CancellationToken cancellationToken) =>
        Read(tables.Ledger, LedgerKeys.Measures.Filter(planId), cancellationToken);

    /// <summary>Measures a unit leads or is responsible for, optionally of one plan: one partition.</summary>
    public IAsyncEnumerable<Measure> ListByUnitAsync(string unitId, string? planId, CancellationToken cancellationToken)
    {
        var filter = planId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {unitId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {unitId} and PlanId eq {planId}");

        return Read(tables.MeasuresByUnit, filter, cancellationToken);
    }

    /// <summary>
    /// Measures not signed off whose due date is before <paramref name="date"/>: a range over the open index that
    /// reads only the rows it returns (plus the rest of the date's own month).
    /// </summary>
    public IAsyncEnumerable<Measure> ListOverdueAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var filter = string.Create(CultureInfo.InvariantCulture,
            $"PartitionKey le '{MeasureProjector.DuePartition(date)}' and RowKey lt '{TableDates.Format(date)}'");
        return OverdueOnly(Read(tables.OpenMeasuresByDue, filter, cancellationToken), date);
    }

    /// <summary>Past due and open, but evidence submitted on time stops the clock while it awaits sign-off.</summary>
    private static async IAsyncEnumerable<Measure> OverdueOnly(IAsyncEnumerable<Measure> measures, DateOnly date)
    {
        await foreach (var measure in measures)
        {
            if (measure.IsOverdue(date))
            {
                yield return measure;
            }
        }
    }

    /// <summary>
    /// Applies a change decided from the current state. Reads the row, lets <paramref name="decide"/> compute the
    /// outcome (it may throw <see cref="IllegalTransitionException"/>), and commits the new row with its audit rows
    /// (and evidence) in one transaction guarded by the ETag; on a lost race it reads again and decides again.
    /// </summary>
    public async Task<Measure?> UpdateAsync(
        string measureId, string actor, Func<Measure, MeasureChange> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(measureId);

        // Writers of one measure in this process queue here instead of racing on its ETag: a burst of updates to one hot
        // measure (a township's whole office reporting at once) would otherwise spend most requests on lost races. The
        // ETag still guards against other processes; stripes bound the memory (unrelated measures rarely share one).
        var gate = WriteGates[(int)((uint)StringComparer.Ordinal.GetHashCode(measureId) % (uint)WriteGates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await UpdateGuardedAsync(measureId, actor, decide, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly SemaphoreSlim[] WriteGates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private async Task<Measure?> UpdateGuardedAsync(
        string measureId, string actor, Func<Measure, MeasureChange> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = await GetEntityAsync(measureId, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            var before = MeasureEntity.ToMeasure(entity);
            var change = decide(before);
            var after = change.Outcome.Measure;
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace,
                    MeasureEntity.From(after, entity.PartitionKey, entity.RowKey), entity.ETag),
            };
            var at = time.GetUtcNow();
            actions.AddRange(AuditRows(before, change, actor, at).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            if (change.Evidence is { } evidence)
            {
                actions.Add(new(TableTransactionActionType.Add,
                    EvidenceEntity.From(evidence, before.PlanId, LedgerKeys.Evidence(before.Id, after.Version, 0))));
            }

            try
            {
                await tables.Ledger.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (TableBatches.IsConcurrencyConflict(ex) && attempt < options.Value.ConcurrencyRetries)
            {
                LogConcurrencyRetry(measureId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
                continue;
            }
            catch (TableTransactionFailedException ex) when (TableBatches.IsConcurrencyConflict(ex))
            {
                throw new ConcurrencyConflictException(
                    $"Measure {measureId} changed concurrently {attempt} times in a row; try again.", ex);
            }

            await projector.ProjectAsync(before, after, cancellationToken);
            LogMeasureChanged(measureId, change.Action, before.Status, after.Status, after.Version);
            return after;
        }
    }

    /// <summary>One audit row per lifecycle transition, or one for the action when the status did not move.</summary>
    internal static IEnumerable<TableEntity> AuditRows(Measure before, MeasureChange change, string actor, DateTimeOffset at)
    {
        var after = change.Outcome.Measure;
        var changes = Diff(before, after);
        var transitions = change.Outcome.Transitions;
        var events = transitions.Count == 0
            ? [new AuditEvent
            {
                EntityKind = AuditKind, EntityId = before.Id, Action = change.Action, Actor = actor, At = at,
                FromStatus = before.Status.ToString(), ToStatus = after.Status.ToString(), Reason = change.Reason, Changes = changes,
            }]
            : transitions.Select((t, i) => new AuditEvent
            {
                EntityKind = AuditKind, EntityId = before.Id, Action = change.Action, Actor = actor, At = at,
                FromStatus = t.From.ToString(), ToStatus = t.To.ToString(),
                Reason = string.IsNullOrWhiteSpace(change.Reason) ? t.Reason : change.Reason,
                Changes = i == transitions.Count - 1 ? changes : new Dictionary<string, string?[]>(),
            }).ToList();
        return events.Select((e, i) => AuditEntity.From(e, before.PlanId,
            LedgerKeys.Audit(AuditKind, before.Id, at, after.Version, i)));
    }

    /// <summary>The live-state fields that differ, as [before, after] strings.</summary>
    internal static Dictionary<string, string?[]> Diff(Measure before, Measure after)
    {
        var changes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        void Compare(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes[name] = [a, b];
            }
        }

        Compare("status", before.Status.ToString(), after.Status.ToString());
        Compare("progress", before.Progress.ToString(CultureInfo.InvariantCulture), after.Progress.ToString(CultureInfo.InvariantCulture));
        Compare("dueDate", TableDates.Format(before.DueDate), TableDates.Format(after.DueDate));
        Compare("nextReview", TableDates.Format(before.NextReview), TableDates.Format(after.NextReview));
        Compare("lastVerifiedOn", TableDates.Format(before.LastVerifiedOn), TableDates.Format(after.LastVerifiedOn));
        Compare("requestedDueDate", TableDates.Format(before.RequestedDueDate), TableDates.Format(after.RequestedDueDate));
        Compare("text", before.Text, after.Text);
        Compare("kind", before.Kind.ToString(), after.Kind.ToString());
        Compare("leadUnitId", before.LeadUnitId, after.LeadUnitId);
        Compare("leadUnitIds", string.Join(",", before.LeadUnitIds), string.Join(",", after.LeadUnitIds));
        Compare("leadOfficialId", before.LeadOfficialId, after.LeadOfficialId);
        Compare("responsibleUnitIds", string.Join(",", before.ResponsibleUnitIds), string.Join(",", after.ResponsibleUnitIds));
        return changes;
    }

    private async Task<TableEntity?> GetEntityAsync(string measureId, CancellationToken cancellationToken)
    {
        var planId = await FindPlanIdAsync(measureId, cancellationToken);
        if (planId is null)
        {
            return null;
        }

        var row = await tables.Ledger.GetEntityIfExistsAsync<TableEntity>(
            planId, LedgerKeys.Measures.Key(measureId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static async IAsyncEnumerable<Measure> Read(
        TableClient table, string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return MeasureEntity.ToMeasure(entity);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Measure {MeasureId} {Action}: {FromStatus} -> {ToStatus} (version {Version})")]
    private partial void LogMeasureChanged(string measureId, string action, MeasureStatus fromStatus, MeasureStatus toStatus, long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Measure {MeasureId} changed concurrently, retrying (attempt {Attempt})")]
    private partial void LogConcurrencyRetry(string measureId, int attempt);
}
