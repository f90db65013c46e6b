using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.TenDayReport;

/// <summary>
/// 旬报 of one issuing office (<c>tenday-{officeId}-2017-03-2</c>): on the 1st, 11th and 21st, ask the lead units of long-term measures whose review falls in the period to
/// re-verify them, then archive the ten-day report of the ledger (status, colours, overdue, evidence received).
/// </summary>
public sealed class TenDayReportOrchestrator : CycleOrchestrator<OfficePeriod>
{
    protected override async Task<CycleStatus> RunStepsAsync(TaskOrchestrationContext context, CycleSteps steps, OfficePeriod input)
    {
        var requested = await steps.RunAsync<int>(CyclePhases.Reverification, nameof(RequestReverificationActivity), input);
        steps.Show(status => status with { MessagesWritten = requested });
        await steps.RunAsync<int>(CyclePhases.Report, nameof(ArchiveTenDayReportActivity), input);
        return steps.Done(CycleKind.TenDay, input);
    }
}
