using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// A cycle's orchestrator: checks its arguments and sets up its <see cref="CycleSteps"/>, so each cycle's class is only
/// its sequence of steps (<see cref="RunStepsAsync"/>). The task name stays the subclass's name.
/// </summary>
public abstract class CycleOrchestrator<TInput> : TaskOrchestrator<TInput, CycleStatus>
{
    public sealed override Task<CycleStatus> RunAsync(TaskOrchestrationContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return RunStepsAsync(context, new CycleSteps(context), input);
    }

    /// <summary>The cycle's steps, in order.</summary>
    /// <remarks>
    /// It takes the context although the steps hold it: the Durable analyzers check for determinism the methods of an
    /// orchestrator class that take a <see cref="TaskOrchestrationContext"/>, so this keeps each cycle's steps checked.
    /// </remarks>
    protected abstract Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, TInput input);
}
