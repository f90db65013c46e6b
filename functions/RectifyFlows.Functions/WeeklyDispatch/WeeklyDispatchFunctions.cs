using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.WeeklyDispatch;

namespace RectifyFlows.Functions.WeeklyDispatch;

/// <summary>Function wrappers of the weekly dispatch's orchestrator and activities (shared classes in RectifyFlows.Workflows).</summary>
public static class WeeklyDispatchFunctions
{
    [Function(nameof(WeeklyDispatchOrchestrator))]
    public static Task<CycleStatus> RunWeeklyDispatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WeeklyDispatchOrchestrator().RunAsync(context, context.GetInput<OfficePeriod>()!);
    }

    [Function(nameof(RankTownshipsActivity))]
    public static Task<IReadOnlyList<TownshipRank>> RankTownships([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<RankTownshipsActivity, OfficePeriod, IReadOnlyList<TownshipRank>>(function, instanceId, input);

    /// <summary>Starts each call-in's ladder, so it gets an <see cref="EscalationStarter"/> over the bound client.</summary>
    [Function(nameof(OpenCallInsActivity))]
    public static Task<int> OpenCallIns(
        [ActivityTrigger] WeeklyStep input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenCallInsActivity, WeeklyStep, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(SendWeeklyBulletinActivity))]
    public static Task<int> SendWeeklyBulletin([ActivityTrigger] WeeklyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<SendWeeklyBulletinActivity, WeeklyStep, int>(function, instanceId, input);
}
