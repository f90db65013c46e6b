using Microsoft.DurableTask;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// 每季评价 (domain rule 6) for one issuing office (<c>quarterly-{officeId}-2017-Q1</c>): score its townships, give a
/// strike to those below the threshold in its bottom N, turn consecutive strikes into WrittenSelfCriticism, DowngradedManagement, Demotion (a clean quarter
/// resets), open the sanctions as actions and archive the quarterly report.
/// </summary>
public sealed class QuarterlyEvaluationOrchestrator : TaskOrchestrator<OfficePeriod, CycleStatus>
{
    public override async Task<CycleStatus> RunAsync(TaskOrchestrationContext context, OfficePeriod input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new CycleStatus { Phase = CyclePhases.Scoring };
        context.SetCustomStatus(status);
        var scores = await context.CallActivityAsync<IReadOnlyList<TownshipScore>>(nameof(ScoreTownshipsActivity), input, ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Strikes };
        context.SetCustomStatus(status);
        var strikes = await context.CallActivityAsync<IReadOnlyList<StrikeOutcome>>(nameof(ApplyStrikesActivity), new QuarterlyStep(input.Period, scores, [], input.OfficeId), ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Handling };
        context.SetCustomStatus(status);
        var opened = await context.CallActivityAsync<int>(nameof(OpenSanctionsActivity), new QuarterlyStep(input.Period, scores, strikes, input.OfficeId), ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Report, ActionsOpened = opened };
        context.SetCustomStatus(status);
        await context.CallActivityAsync<int>(nameof(ArchiveQuarterlyReportActivity), new QuarterlyStep(input.Period, scores, strikes, input.OfficeId), ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Done };
        context.SetCustomStatus(status);
        OfficeCycleDone.Send(context, CycleKind.Quarterly, input, status);
        return status;
    }
}
