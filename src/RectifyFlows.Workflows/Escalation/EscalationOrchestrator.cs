using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// The deadline ladder of one measure or action (domain rule 3): reminders before the due date, level 1 on it,
/// levels 2 and 3 after it. It sleeps on durable timers between steps and wakes early when the item changes:
/// evidence (or an action done) stops it, a return or an approved extension restarts it on the new due date.
/// Steps already in the past when the ladder (re)starts are not replayed one by one: only the latest fires, once.
/// Every step's messages carry an idempotency key (item, due date, step, recipient), so each is sent once.
/// </summary>
public sealed class EscalationOrchestrator : TaskOrchestrator<EscalationInput, string>
{
    /// <summary>The output when every step fired (besides <see cref="EscalationStepResult.Closed"/>, when the item needs no more action).</summary>
    public const string Completed = "completed";

    /// <summary>The output of a generation that restarted the ladder (ContinueAsNew) because the item or its due date changed.</summary>
    public const string Restarted = "restarted";

    /// <summary>How long a ladder whose item is closed still listens for a change before it ends.</summary>
    public static readonly TimeSpan ClosingGrace = TimeSpan.FromSeconds(3);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, EscalationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var state = await context.CallActivityAsync<EscalationItemState>(nameof(LoadEscalationItemActivity), input.Item, ActivityRetry.Options);
        if (!state.Open || state.DueDate is not { } dueDate)
        {
            // A change made while the item was being loaded (evidence, then a return at once) is raised into this
            // instance, which would drop it by ending here: a short grace for such an event restarts the ladder instead.
            return await LadderTimeline.ChangedBeforeAsync(context, context.CurrentUtcDateTime + ClosingGrace) ? Restart(context, input) : EscalationStepResult.Closed;
        }

        string? fired = null;
        foreach (var step in LadderTimeline.Pending(state.Steps, context.CurrentUtcDateTime))
        {
            if (step.FireAt > context.CurrentUtcDateTime)
            {
                // What the ladder waits for and until when: the doctor finds a ladder whose timer was lost (a crash of
                // the embedded store inside its save window) by a wait that should have ended long ago.
                context.SetCustomStatus(new { step = fired, next = step.Name, nextAt = step.FireAt, dueDate });
                if (await LadderTimeline.ChangedBeforeAsync(context, step.FireAt.UtcDateTime))
                {
                    return Restart(context, input);
                }
            }

            fired = step.Name;
            context.SetCustomStatus(new { step = step.Name, dueDate });
            var result = await context.CallActivityAsync<EscalationStepResult>(
                nameof(NotifyEscalationStepActivity), new EscalationStepRequest(input.Item, dueDate, step), ActivityRetry.Options);
            if (result.Outcome == EscalationStepResult.Closed)
            {
                return EscalationStepResult.Closed;
            }

            if (result.Outcome == EscalationStepResult.DueDateChanged)
            {
                return Restart(context, input);
            }
        }

        return Completed;
    }

    private static string Restart(TaskOrchestrationContext context, EscalationInput input) =>
        LadderTimeline.Restart(context, input with { Generation = input.Generation + 1 });
}
