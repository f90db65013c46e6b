using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;

namespace RectifyFlows.Functions.Offices;

/// <summary>
/// Function wrappers of the period's orchestrator across offices (it starts each office's cycle and waits for them)
/// and of its activities (shared classes in RectifyFlows.Workflows).
/// </summary>
public static class OfficeCyclesFunctions
{
    [Function(nameof(OfficeCyclesOrchestrator))]
    public static Task<CycleStatus> RunOfficeCycles([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new OfficeCyclesOrchestrator().RunAsync(context, context.GetInput<CycleRun>()!);
    }

    [Function(nameof(ListOfficesActivity))]
    public static Task<IReadOnlyList<Office>> ListOffices([ActivityTrigger] CycleRun input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ListOfficesActivity, CycleRun, IReadOnlyList<Office>>(function, instanceId, input);

    /// <summary>Starts the offices' cycles, so it gets a <see cref="CycleStarter"/> over the bound client.</summary>
    [Function(nameof(StartOfficeCyclesActivity))]
    public static Task<int> StartOfficeCycles(
        [ActivityTrigger] RollUpInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<StartOfficeCyclesActivity, RollUpInput, int>(
            function, instanceId, input, BoundClient.Create<CycleStarter>(function, client));

    [Function(nameof(ArchiveRollUpActivity))]
    public static Task<int> ArchiveRollUp([ActivityTrigger] RollUpInput input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveRollUpActivity, RollUpInput, int>(function, instanceId, input);
}
