using Azure.Data.Tables;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Operations;

/// <summary>An item that still needs work, with the due date its ladder runs to and when its row last changed.</summary>
public sealed record OpenItem(ItemRef Item, DateOnly DueDate, DateTimeOffset ChangedAt);

/// <summary>
/// Every measure still needing work (not under review, not signed off) and every open action, read from the ledger:
/// what the doctor expects a ladder for, and what retention must never purge the traces of.
/// </summary>
public sealed class OpenItems(PlanDirectoryRepository plans, LedgerTables ledger, ActionRepository actions)
{
    public async Task<IReadOnlyList<OpenItem>> ReadAsync(CancellationToken cancellationToken)
    {
        var items = new List<OpenItem>();
        foreach (var (planId, _) in await plans.ListAsync(cancellationToken))
        {
            // The rows, not just the measures: their timestamp tells a ladder being started right now from a lost one.
            await foreach (var row in ledger.Ledger.QueryAsync<TableEntity>(
                LedgerKeys.Measures.Filter(planId), cancellationToken: cancellationToken))
            {
                var measure = MeasureEntity.ToMeasure(row);
                if (measure.Status is not (MeasureStatus.EvidenceSubmitted or MeasureStatus.SignedOff))
                {
                    items.Add(new OpenItem(ItemRef.Measure(measure.Id), measure.EffectiveDueDate, row.Timestamp ?? DateTimeOffset.MinValue));
                }
            }
        }

        foreach (var action in await actions.ListAsync(null, null, ActionStatuses.Open, null, cancellationToken))
        {
            items.Add(new OpenItem(ItemRef.Action(action.UnitId, action.Id, action.Ladder), action.DueDate, action.OpenedAt));
        }

        return items;
    }
}
