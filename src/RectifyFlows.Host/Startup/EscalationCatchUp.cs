using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Host.Startup;

/// <summary>
/// After start-up, makes sure every measure that still needs work has its deadline ladder — covering measures imported
/// while the engine was down or by a crashed import. Ladders that exist are left alone; one query per plan plus one
/// instance lookup per open measure, in the background.
/// </summary>
public sealed partial class EscalationCatchUp(
    PlanDirectoryRepository plans, MeasureRepository measures, EscalationStarter escalations, ILogger<EscalationCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var open = new List<ItemRef>();
        foreach (var (planId, _) in await plans.ListAsync(stoppingToken))
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, stoppingToken))
            {
                if (measure.Status is not (MeasureStatus.EvidenceSubmitted or MeasureStatus.SignedOff))
                {
                    open.Add(ItemRef.Measure(measure.Id));
                }
            }
        }

        var started = await escalations.EnsureStartedAsync(open, stoppingToken);
        LogCaughtUp(open.Count, started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation catch-up: {Open} open measures, {Started} ladders started")]
    private partial void LogCaughtUp(int open, int started);
}
