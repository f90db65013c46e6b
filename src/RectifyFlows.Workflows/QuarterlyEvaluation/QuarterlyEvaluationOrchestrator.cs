using Microsoft.DurableTask;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// 每季评价 (domain rule 6): score every township, give a strike to those below the threshold in their district's
/// bottom N, turn consecutive strikes into WrittenSelfCriticism, DowngradedManagement, Demotion (a clean quarter
/// resets), open the sanctions as actions and archive the quarterly report.
/// </summary>
public sealed class QuarterlyEvaluationOrchestrator : TaskOrchestrator<string, CycleStatus>
{
    public override async Task<CycleStatus> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = new CycleStatus { Phase = "Scoring" };
        context.SetCustomStatus(status);
        var scores = await context.CallActivityAsync<IReadOnlyList<TownshipScore>>(nameof(ScoreTownshipsActivity), input, ActivityRetry.Options);

        status = status with { Phase = "Strikes" };
        context.SetCustomStatus(status);
        var strikes = await context.CallActivityAsync<IReadOnlyList<StrikeOutcome>>(nameof(ApplyStrikesActivity), new QuarterlyStep(input, scores, []), ActivityRetry.Options);

        status = status with { Phase = "Handling" };
        context.SetCustomStatus(status);
        var opened = await context.CallActivityAsync<int>(nameof(OpenSanctionsActivity), new QuarterlyStep(input, scores, strikes), ActivityRetry.Options);

        status = status with { Phase = "Report", ActionsOpened = opened };
        context.SetCustomStatus(status);
        await context.CallActivityAsync<int>(nameof(ArchiveQuarterlyReportActivity), new QuarterlyStep(input, scores, strikes), ActivityRetry.Options);

        status = status with { Phase = "Done" };
        context.SetCustomStatus(status);
        return status;
    }
}
