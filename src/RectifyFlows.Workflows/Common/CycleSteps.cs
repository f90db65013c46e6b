using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// A cycle orchestration's steps: each activity runs under the phase its custom status shows meanwhile, counts are
/// added as they come, and an office's cycle ends by showing Done and telling its period (<see cref="OfficeCycleDone"/>).
/// Keeps each orchestrator down to its sequence of steps.
/// </summary>
/// <remarks>
/// The engine persists the custom status once per episode (at the next await), so showing a count and then the next
/// phase without an await between them publishes one status, as setting both at once would.
/// </remarks>
public sealed class CycleSteps(TaskOrchestrationContext context)
{
    /// <summary>The status shown last.</summary>
    public CycleStatus Status { get; private set; } = new() { Phase = string.Empty };

    /// <summary>Shows <paramref name="phase"/>, then runs the activity (with the cycles' retry policy).</summary>
    public Task<TResult> RunAsync<TResult>(string phase, string activity, object input)
    {
        Show(status => status with { Phase = phase });
        return context.CallActivityAsync<TResult>(activity, input, ActivityRetry.Options);
    }

    /// <summary>Shows the status changed by <paramref name="change"/> (a new count, a new phase).</summary>
    public CycleStatus Show(Func<CycleStatus, CycleStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Status = change(Status);
        context.SetCustomStatus(Status);
        return Status;
    }

    /// <summary>Ends one office's cycle: shows Done and tells the period's instance; returns the final status.</summary>
    public CycleStatus Done(CycleKind kind, OfficePeriod office)
    {
        var done = Show(status => status with { Phase = CyclePhases.Done });
        OfficeCycleDone.Send(context, kind, office, done);
        return done;
    }
}
