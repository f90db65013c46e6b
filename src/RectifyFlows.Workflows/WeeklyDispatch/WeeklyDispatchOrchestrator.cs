using Microsoft.DurableTask;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>
/// 每周一调度 (domain rule 5) for one issuing office (<c>weekly-{officeId}-2017-W14</c>): rank its townships by project progress (completion and disbursement
/// rates), call in the principal leaders of the bottom N (a call-in action with its own ladder), and send the weekly
/// bulletin to every township, archived as the weekly report with the ranking chart.
/// </summary>
public sealed class WeeklyDispatchOrchestrator : TaskOrchestrator<OfficePeriod, CycleStatus>
{
    public override async Task<CycleStatus> RunAsync(TaskOrchestrationContext context, OfficePeriod input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new CycleStatus { Phase = CyclePhases.Ranking };
        context.SetCustomStatus(status);
        var ranking = await context.CallActivityAsync<IReadOnlyList<TownshipRank>>(nameof(RankTownshipsActivity), input, ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Handling };
        context.SetCustomStatus(status);
        var opened = await context.CallActivityAsync<int>(nameof(OpenCallInsActivity), new WeeklyStep(input.Period, ranking, input.OfficeId), ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Bulletin, ActionsOpened = opened };
        context.SetCustomStatus(status);
        var written = await context.CallActivityAsync<int>(nameof(SendWeeklyBulletinActivity), new WeeklyStep(input.Period, ranking, input.OfficeId), ActivityRetry.Options);

        status = status with { Phase = CyclePhases.Done, MessagesWritten = written };
        context.SetCustomStatus(status);
        OfficeCycleDone.Send(context, CycleKind.Weekly, input, status);
        return status;
    }
}
