using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Storage.Inspections;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Takes a supervision team's inspection result: stores it (kept for the report in any case), then, when that month's
/// cycle is running, raises it into the cycle as a durable external event. Storing first means a result is never lost,
/// even if it arrives before the cycle starts or while the host restarts.
/// </summary>
public sealed partial class InspectionIntake(InspectionResultRepository results, DurableTaskClient client, ILogger<InspectionIntake> logger)
{
    /// <summary>Returns false when the same event id was already stored (a replay): nothing is raised again.</summary>
    public async Task<bool> AcceptAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stored = await results.SaveAsync(result, cancellationToken);
        var instanceId = CyclePeriods.InstanceId(CycleKind.Monthly, result.Month);
        var cycle = await client.GetInstanceAsync(instanceId, cancellationToken);
        if (cycle?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
        {
            // Raised also for a replayed event id whose first raise may have been lost in a crash; the cycle counts teams, not events.
            await client.RaiseEventAsync(instanceId, InspectionResultEvent.Name,
                new InspectionResultEvent(result.TeamId, result.UnitId, result.EventId), cancellationToken);
            LogRaised(result.EventId, instanceId);
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inspection result {EventId} raised into {InstanceId}")]
    private partial void LogRaised(string eventId, string instanceId);
}
