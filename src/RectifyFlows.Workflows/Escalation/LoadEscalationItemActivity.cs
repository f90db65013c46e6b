using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>Reads the item's current state and computes its ladder; a measure under review or signed off is closed.</summary>
public sealed class LoadEscalationItemActivity(
    MeasureRepository measures, ActionRepository actions, IOptions<WorkflowOptions> options, TimeProvider time)
    : WorkflowActivity<ItemRef, EscalationItemState>
{
    protected override async Task<EscalationItemState> ExecuteAsync(ItemRef input, CancellationToken ct)
    {
        var due = await CurrentDueDateAsync(measures, actions, input, ct);
        return due is { } date
            ? new EscalationItemState(true, date, EscalationLadder.Steps(date, options.Value.Escalation, time.GetUtcNow()))
            : new EscalationItemState(false, null, []);
    }

    /// <summary>The due date while the item still needs work; null once evidence is in, it is signed off or done.</summary>
    internal static async Task<DateOnly?> CurrentDueDateAsync(
        MeasureRepository measures, ActionRepository actions, ItemRef item, CancellationToken cancellationToken)
    {
        if (item.Kind == ItemRef.MeasureKind)
        {
            var measure = await measures.GetAsync(item.Id, cancellationToken);
            return measure is { Status: not (MeasureStatus.EvidenceSubmitted or MeasureStatus.SignedOff) } ? measure.EffectiveDueDate : null;
        }

        var action = await actions.GetAsync(item.UnitId ?? string.Empty, item.Id, cancellationToken);
        return action is { Status: ActionStatuses.Open } ? action.DueDate : null;
    }
}
