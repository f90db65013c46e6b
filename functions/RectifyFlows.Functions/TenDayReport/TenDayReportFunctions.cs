using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.TenDayReport;

namespace RectifyFlows.Functions.TenDayReport;

/// <summary>Function wrappers of the ten-day report's orchestrator and activities (shared classes in RectifyFlows.Workflows).</summary>
public static class TenDayReportFunctions
{
    [Function(nameof(TenDayReportOrchestrator))]
    public static Task<CycleStatus> RunTenDayReport([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TenDayReportOrchestrator().RunAsync(context, context.GetInput<OfficePeriod>()!);
    }

    [Function(nameof(RequestReverificationActivity))]
    public static Task<int> RequestReverification([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<RequestReverificationActivity, OfficePeriod, int>(function, instanceId, input);

    [Function(nameof(ArchiveTenDayReportActivity))]
    public static Task<int> ArchiveTenDayReport([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveTenDayReportActivity, OfficePeriod, int>(function, instanceId, input);
}
