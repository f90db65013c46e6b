using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// Makes sure every measure that still needs work has its deadline ladder — covering measures imported while the
/// engine was down or by a crashed import. Ladders that exist are left alone; one query per plan plus one instance
/// lookup per open measure. The standalone host runs it at start, the Functions app on its EscalationCatchUp timer.
/// </summary>
public sealed partial class EscalationCatchUp(
    PlanDirectoryRepository plans, MeasureRepository measures, EscalationStarter escalations, ILogger<EscalationCatchUp> logger)
{
    /// <summary>One pass; returns the open measures seen and the ladders started.</summary>
    public async Task<(int Open, int Started)> RunAsync(CancellationToken cancellationToken)
    {
        var open = new List<ItemRef>();
        foreach (var (planId, _) in await plans.ListAsync(cancellationToken))
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, cancellationToken))
            {
                if (measure.Status is not (MeasureStatus.EvidenceSubmitted or MeasureStatus.SignedOff))
                {
                    open.Add(ItemRef.Measure(measure.Id));
                }
            }
        }

        var started = await escalations.EnsureStartedAsync(open, cancellationToken);
        LogCaughtUp(open.Count, started);
        return (open.Count, started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation catch-up: {Open} open measures, {Started} ladders started")]
    private partial void LogCaughtUp(int open, int started);
}
