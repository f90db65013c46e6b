using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>
/// 每周一调度 (domain rule 5) for one issuing office (<c>weekly-{officeId}-2017-W14</c>): rank its townships by project progress (completion and disbursement
/// rates), call in the principal leaders of the bottom N (a call-in action with its own ladder), and send the weekly
/// bulletin to every township, archived as the weekly report with the ranking chart.
/// </summary>
public sealed class WeeklyDispatchOrchestrator : CycleOrchestrator<OfficePeriod>
{
    protected override async Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, OfficePeriod input)
    {
        var ranking = await steps.RunAsync<IReadOnlyList<TownshipRank>>(CyclePhases.Ranking, nameof(RankTownshipsActivity), input);
        var ranked = new WeeklyStep(input.Period, ranking, input.OfficeId);
        var opened = await steps.RunAsync<int>(CyclePhases.Handling, nameof(OpenCallInsActivity), ranked);
        steps.Show(status => status with { ActionsOpened = opened });
        var written = await steps.RunAsync<int>(CyclePhases.Bulletin, nameof(SendWeeklyBulletinActivity), ranked);
        steps.Show(status => status with { MessagesWritten = written });
        return steps.Done(CycleKind.Weekly, input);
    }
}
