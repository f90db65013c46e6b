using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Escalation;

/// <summary>Function wrappers of the deadline ladder's orchestrator and activities (shared classes in RectifyFlows.Workflows).</summary>
public static class EscalationFunctions
{
    [Function(nameof(EscalationOrchestrator))]
    public static Task<string> RunEscalation([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EscalationOrchestrator().RunAsync(context, context.GetInput<EscalationInput>()!);
    }

    [Function(nameof(LoadEscalationItemActivity))]
    public static Task<EscalationItemState> LoadEscalationItem([ActivityTrigger] ItemRef input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<LoadEscalationItemActivity, ItemRef, EscalationItemState>(function, instanceId, input);

    /// <summary>A level-3 step opens a supervision order and starts its ladder: it gets an <see cref="EscalationStarter"/> over the bound client.</summary>
    [Function(nameof(NotifyEscalationStepActivity))]
    public static Task<EscalationStepResult> NotifyEscalationStep(
        [ActivityTrigger] EscalationStepRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<NotifyEscalationStepActivity, EscalationStepRequest, EscalationStepResult>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));
}
