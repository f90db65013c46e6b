using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Functions.MonthlyCycle;

/// <summary>
/// Function wrappers of the monthly cycle's orchestrator and activities (shared classes in RectifyFlows.Workflows).
/// Each function is named after its class, because the orchestrators call activities by <c>nameof(Class)</c>.
/// </summary>
public static class MonthlyCycleFunctions
{
    [Function(nameof(MonthlyCycleOrchestrator))]
    public static Task<CycleStatus> RunMonthlyCycle([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MonthlyCycleOrchestrator().RunAsync(context, context.GetInput<MonthlyCycleInput>()!);
    }

    [Function(nameof(OpenMonthlyRoundActivity))]
    public static Task<MonthlyRound> OpenMonthlyRound([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenMonthlyRoundActivity, OfficePeriod, MonthlyRound>(function, instanceId, input);

    [Function(nameof(SendMonthlyBulletinActivity))]
    public static Task<MonthlySummary> SendMonthlyBulletin([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<SendMonthlyBulletinActivity, OfficePeriod, MonthlySummary>(function, instanceId, input);

    /// <summary>Starts each opened action's ladder, so it gets an <see cref="EscalationStarter"/> over the bound client.</summary>
    [Function(nameof(OpenMonthlyActionsActivity))]
    public static Task<int> OpenMonthlyActions(
        [ActivityTrigger] OfficePeriod input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenMonthlyActionsActivity, OfficePeriod, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(ArchiveMonthlyReportActivity))]
    public static Task<MonthlySummary> ArchiveMonthlyReport([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveMonthlyReportActivity, OfficePeriod, MonthlySummary>(function, instanceId, input);
}
