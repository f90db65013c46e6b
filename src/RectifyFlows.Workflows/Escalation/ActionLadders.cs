using RectifyFlows.Domain.Actions;
using RectifyFlows.Storage.Actions;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>Every opened accountability action gets its own deadline ladder: the one place that pairs the two.</summary>
public static class ActionLadders
{
    /// <summary>
    /// Opens the action (insert-if-absent: a rerun opens nothing twice) and makes sure its ladder runs — also when the
    /// action already existed, so a crash between the two steps is mended by the retry. True when newly opened.
    /// </summary>
    public static async Task<bool> OpenWithLadderAsync(
        this EscalationStarter escalations, ActionRepository actions, AccountabilityAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(action);
        var opened = await actions.OpenAsync(action, cancellationToken);
        var item = ItemRef.Action(action.UnitId, action.Id);
        if (opened)
        {
            // A new action has no ladder yet: start it without first asking the engine (a cycle opens hundreds).
            await escalations.StartNewAsync(item, cancellationToken);
        }
        else
        {
            await escalations.EnsureAsync(item, cancellationToken);
        }

        return opened;
    }
}
