using Microsoft.Extensions.Options;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>Reads which members of a shared ladder still need action (one point read each) and computes its steps.</summary>
public sealed class LoadSharedLadderActivity(
    MeasureRepository measures, ActionRepository actions, IOptions<WorkflowOptions> options, TimeProvider time)
    : WorkflowActivity<SharedLadderInput, SharedLadderState>
{
    protected override async Task<SharedLadderState> ExecuteAsync(SharedLadderInput input, CancellationToken ct)
    {
        var open = await SharedLadderMembers.StillOpenAsync(input.Items, input.DueDate,
            item => LoadEscalationItemActivity.CurrentDueDateAsync(measures, actions, item, ct), ct);
        return new SharedLadderState(open, open.Count == 0 ? [] : EscalationLadder.Steps(input.DueDate, options.Value.Escalation, time.GetUtcNow()));
    }
}
