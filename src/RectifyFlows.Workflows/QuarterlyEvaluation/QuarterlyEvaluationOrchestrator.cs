using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// 每季评价 (domain rule 6) for one issuing office (<c>quarterly-{officeId}-2017-Q1</c>): score its townships, give a
/// strike to those below the threshold in its bottom N, turn consecutive strikes into WrittenSelfCriticism, DowngradedManagement, Demotion (a clean quarter
/// resets), open the sanctions as actions and archive the quarterly report.
/// </summary>
public sealed class QuarterlyEvaluationOrchestrator : CycleOrchestrator<OfficePeriod>
{
    protected override async Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, OfficePeriod input)
    {
        var scores = await steps.RunAsync<IReadOnlyList<TownshipScore>>(CyclePhases.Scoring, nameof(ScoreTownshipsActivity), input);
        var strikes = await steps.RunAsync<IReadOnlyList<StrikeOutcome>>(
            CyclePhases.Strikes, nameof(ApplyStrikesActivity), new QuarterlyStep(input.Period, scores, [], input.OfficeId));
        var scored = new QuarterlyStep(input.Period, scores, strikes, input.OfficeId);
        var opened = await steps.RunAsync<int>(CyclePhases.Handling, nameof(OpenSanctionsActivity), scored);
        steps.Show(status => status with { ActionsOpened = opened });
        await steps.RunAsync<int>(CyclePhases.Report, nameof(ArchiveQuarterlyReportActivity), scored);
        return steps.Done(CycleKind.Quarterly, input);
    }
}
