using Azure;
using Azure.Data.Tables;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// Keeps the query projections of a measure — one copy per involved unit, one in the open-by-due-date index — in
/// step with the ledger row. Copies carry the measure's version and a copy is only ever replaced by a newer one, so
/// two updates finishing out of order cannot leave a stale copy behind. The ledger row is the truth; a projection
/// missed by a crash between the two writes is repaired by <see cref="RebuildPlanAsync"/> (host verb <c>reindex</c>).
/// </summary>
public sealed class MeasureProjector(LedgerTables tables)
{
    /// <summary>The open-index partition: the due month, so "overdue on a date" reads only months up to it.</summary>
    public static string DuePartition(DateOnly due) => TableDates.Format(due)[..7];

    public static string DueRow(Measure measure) => $"{TableDates.Format(measure.EffectiveDueDate)}|{measure.Id}";

    /// <summary>Writes the projections of measures that had none (a first import), batched by partition.</summary>
    public async Task ProjectNewAsync(IReadOnlyCollection<Measure> measures, CancellationToken cancellationToken)
    {
        var byUnit = measures.SelectMany(m => m.UnitIds.Select(unit => MeasureEntity.From(m, unit, m.Id)));
        var open = measures.Where(m => m.Status != MeasureStatus.SignedOff)
            .Select(m => MeasureEntity.From(m, DuePartition(m.EffectiveDueDate), DueRow(m)));
        await Task.WhenAll(
            TableBatches.SubmitAsync(tables.MeasuresByUnit, byUnit.Select(Upsert), cancellationToken),
            TableBatches.SubmitAsync(tables.OpenMeasuresByDue, open.Select(Upsert), cancellationToken));
    }

    /// <summary>Brings the projections of one measure from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public async Task ProjectAsync(Measure? before, Measure after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        var work = new List<Task>();
        foreach (var unit in after.UnitIds)
        {
            work.Add(ReplaceIfNewerAsync(tables.MeasuresByUnit, MeasureEntity.From(after, unit, after.Id), cancellationToken));
        }

        foreach (var unit in before?.UnitIds.Except(after.UnitIds, StringComparer.Ordinal) ?? [])
        {
            work.Add(DeleteIfNotNewerAsync(tables.MeasuresByUnit, unit, after.Id, after.Version, cancellationToken));
        }

        var open = after.Status != MeasureStatus.SignedOff;
        if (open)
        {
            work.Add(ReplaceIfNewerAsync(tables.OpenMeasuresByDue,
                MeasureEntity.From(after, DuePartition(after.EffectiveDueDate), DueRow(after)), cancellationToken));
        }

        if (before is not null && before.Status != MeasureStatus.SignedOff
            && (!open || before.EffectiveDueDate != after.EffectiveDueDate))
        {
            work.Add(DeleteIfNotNewerAsync(tables.OpenMeasuresByDue, DuePartition(before.EffectiveDueDate), DueRow(before),
                after.Version, cancellationToken));
        }

        await Task.WhenAll(work);
    }

    /// <summary>Rewrites every projection of a plan's measures from its ledger partition.</summary>
    public async Task<int> RebuildPlanAsync(string planId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var entity in tables.Ledger.QueryAsync<TableEntity>(
            LedgerKeys.Measures.Filter(planId), cancellationToken: cancellationToken))
        {
            await ProjectAsync(null, MeasureEntity.ToMeasure(entity), cancellationToken);
            count++;
        }

        return count;
    }

    private static TableTransactionAction Upsert(ITableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    private static async Task ReplaceIfNewerAsync(TableClient table, TableEntity copy, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                copy.PartitionKey, copy.RowKey, select: [MeasureEntity.VersionColumn], cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(copy, cancellationToken);
                }
                else if (MeasureEntity.VersionOf(existing.Value!) < MeasureEntity.VersionOf(copy))
                {
                    await table.UpdateEntityAsync(copy, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (TableBatches.IsConcurrencyConflict(ex))
            {
                // Another writer changed the copy between our read and write: look again.
            }
        }
    }

    private static async Task DeleteIfNotNewerAsync(
        TableClient table, string partitionKey, string rowKey, long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                partitionKey, rowKey, select: [MeasureEntity.VersionColumn], cancellationToken: cancellationToken);
            if (!existing.HasValue || MeasureEntity.VersionOf(existing.Value!) > version)
            {
                return;
            }

            try
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, existing.Value!.ETag, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404)
            {
                return;
            }
            catch (RequestFailedException ex) when (TableBatches.IsConcurrencyConflict(ex))
            {
                // Changed since we read it: decide again.
            }
        }
    }
}
