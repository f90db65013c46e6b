using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// An activity of the workflows: checks its input, then runs <see cref="ExecuteAsync"/> to its end. The token is
/// <see cref="CancellationToken.None"/> because the worker hands an activity none: once started, an activity finishes,
/// and one cut short by a crash runs again, which is why every activity is idempotent. The task name stays the
/// subclass's name.
/// </summary>
public abstract class WorkflowActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ExecuteAsync(input, CancellationToken.None);
    }

    /// <summary>The activity's work on its (non-null) input.</summary>
    protected abstract Task<TOutput> ExecuteAsync(TInput input, CancellationToken ct);
}
