using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.QuarterlyEvaluation;

namespace RectifyFlows.Functions.QuarterlyEvaluation;

/// <summary>Function wrappers of the quarterly evaluation's orchestrator and activities (shared classes in RectifyFlows.Workflows).</summary>
public static class QuarterlyEvaluationFunctions
{
    [Function(nameof(QuarterlyEvaluationOrchestrator))]
    public static Task<CycleStatus> RunQuarterlyEvaluation([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new QuarterlyEvaluationOrchestrator().RunAsync(context, context.GetInput<OfficePeriod>()!);
    }

    [Function(nameof(ScoreTownshipsActivity))]
    public static Task<IReadOnlyList<TownshipScore>> ScoreTownships([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ScoreTownshipsActivity, OfficePeriod, IReadOnlyList<TownshipScore>>(function, instanceId, input);

    [Function(nameof(ApplyStrikesActivity))]
    public static Task<IReadOnlyList<StrikeOutcome>> ApplyStrikes([ActivityTrigger] QuarterlyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ApplyStrikesActivity, QuarterlyStep, IReadOnlyList<StrikeOutcome>>(function, instanceId, input);

    /// <summary>Starts each sanction's ladder, so it gets an <see cref="EscalationStarter"/> over the bound client.</summary>
    [Function(nameof(OpenSanctionsActivity))]
    public static Task<int> OpenSanctions(
        [ActivityTrigger] QuarterlyStep input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenSanctionsActivity, QuarterlyStep, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(ArchiveQuarterlyReportActivity))]
    public static Task<int> ArchiveQuarterlyReport([ActivityTrigger] QuarterlyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveQuarterlyReportActivity, QuarterlyStep, int>(function, instanceId, input);
}
