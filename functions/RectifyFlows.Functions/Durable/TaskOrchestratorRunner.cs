using Microsoft.DurableTask;

namespace RectifyFlows.Functions.Durable;

/// <summary>Runs a shared orchestrator class for its <c>[OrchestrationTrigger]</c> wrapper, with the orchestration's input.</summary>
internal static class TaskOrchestratorRunner
{
    /// <summary>
    /// Runs a new <typeparamref name="TOrchestrator"/> (orchestrators hold no state and take no services) on the
    /// invocation's context. As with <see cref="TaskActivityRunner"/>, the type parameters pin the wrapper's input and
    /// output to the orchestrator's, so a wrapper that drifts from its class does not compile.
    /// </summary>
    public static Task<TOutput> RunAsync<TOrchestrator, TInput, TOutput>(TaskOrchestrationContext context)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TOrchestrator().RunAsync(context, context.GetInput<TInput>()!);
    }
}
