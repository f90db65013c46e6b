using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// The deadline ladder of the actions one cycle step opened with one due date (ADR 0020): the steps of
/// <see cref="EscalationOrchestrator"/> on one timeline, each sent to every member still open. An action's due date
/// never moves, so a member leaves only by being done; when none is left, the ladder ends. An
/// <see cref="EscalationEvents.ItemChanged"/> (a retried opening, the doctor) makes it reload its members.
/// </summary>
public sealed class SharedLadderOrchestrator : TaskOrchestrator<SharedLadderInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, SharedLadderInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var state = await context.CallActivityAsync<SharedLadderState>(nameof(LoadSharedLadderActivity), input, ActivityRetry.Options);
        var open = state.Open;
        string? fired = null;
        foreach (var step in LadderTimeline.Pending(state.Steps, context.CurrentUtcDateTime))
        {
            if (open.Count == 0)
            {
                break;
            }

            if (step.FireAt > context.CurrentUtcDateTime)
            {
                // The same custom status as an item's own ladder, which the doctor reads to find a lost timer.
                context.SetCustomStatus(new { step = fired, next = step.Name, nextAt = step.FireAt, dueDate = input.DueDate, open = open.Count });
                if (await LadderTimeline.ChangedBeforeAsync(context, step.FireAt.UtcDateTime))
                {
                    return LadderTimeline.Restart(context, input with { Generation = input.Generation + 1 });
                }
            }

            fired = step.Name;
            context.SetCustomStatus(new { step = step.Name, dueDate = input.DueDate, open = open.Count });
            var result = await context.CallActivityAsync<SharedStepResult>(
                nameof(NotifySharedLadderStepActivity), new SharedStepRequest(open, input.DueDate, step), ActivityRetry.Options);
            open = result.StillOpen;
        }

        return open.Count == 0 ? EscalationStepResult.Closed : EscalationOrchestrator.Completed;
    }
}
