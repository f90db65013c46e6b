using RectifyFlows.Domain.Actions;
using RectifyFlows.Storage.Actions;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>Every opened accountability action gets a deadline ladder: the one place that pairs the two.</summary>
public static class ActionLadders
{
    /// <summary>
    /// Opens the action (insert-if-absent: a rerun opens nothing twice) and makes sure its own ladder runs — also when
    /// the action already existed, so a crash between the two steps is mended by the retry. True when newly opened.
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
            // A new action has no ladder yet: start it without first asking the engine.
            await escalations.StartNewAsync(item, cancellationToken);
        }
        else
        {
            await escalations.EnsureAsync(item, cancellationToken);
        }

        return opened;
    }

    /// <summary>
    /// Opens the actions one cycle step calls for and starts one shared ladder per source and due date for them
    /// (ADR 0020): a province's handling opens hundreds of actions, and one ladder for each was most of a cycle's
    /// storage work. Each action records its ladder, for the doctor and retention. A rerun opens nothing twice and
    /// makes sure the ladder runs. (The activities count their actions by source afterwards, a rerun's included.)
    /// </summary>
    public static async Task OpenWithSharedLaddersAsync(
        this EscalationStarter escalations, ActionRepository actions, IEnumerable<AccountabilityAction> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(wanted);
        foreach (var group in wanted.DistinctBy(a => (a.UnitId, a.Id)).GroupBy(a => (a.Source, a.DueDate)))
        {
            var ladder = SharedLadderInput.IdFor(group.Key.Source, group.Key.DueDate);
            var members = group.Select(a => a with { Ladder = ladder }).ToList();
            var newlyOpened = 0;
            await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = SharedLadderMembers.Parallelism, CancellationToken = cancellationToken },
                async (action, token) =>
                {
                    if (await actions.OpenAsync(action, token))
                    {
                        Interlocked.Increment(ref newlyOpened);
                    }
                });

            var input = new SharedLadderInput(ladder, group.Key.DueDate, [.. members.Select(a => ItemRef.Action(a.UnitId, a.Id, ladder))]);
            if (newlyOpened == members.Count)
            {
                // Nothing of this group existed, so neither can its ladder: start it without asking the engine first.
                await escalations.StartSharedAsync(input, cancellationToken);
            }
            else
            {
                await escalations.EnsureSharedAsync(input, cancellationToken);
            }
        }
    }
}
