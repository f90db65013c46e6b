using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Storage.Inspections;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Takes a supervision team's inspection result: stores it (kept for the report in any case), then, when that month's
/// cycle is running, raises it into the cycle as a durable external event. Storing first means a result is never lost,
/// even if it arrives before the cycle starts or while the host restarts. Two storage round trips: the insert (which is
/// also the replay check and the record of the response) and the raise; whether the cycle runs comes from
/// <see cref="RunningCycles"/>, not from a status read per result.
/// </summary>
public sealed partial class InspectionIntake(InspectionResultRepository results, DurableTaskClient client, RunningCycles cycles, ILogger<InspectionIntake> logger)
{
    /// <summary>Returns false when the same event id was already stored (a replay): nothing is stored again.</summary>
    public async Task<bool> AcceptAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (stored, _) = await results.SaveAsync(result, StoredResponse.Accepted(result.EventId), cancellationToken);
        await WakeCycleAsync(result, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Stores the result with the response the webhook gives, and wakes the cycle; returns the first response given
    /// for this event id (this one, or the stored one for a replay).
    /// </summary>
    public async Task<StoredResponse> AcceptAsync(InspectionResult result, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (_, first) = await results.SaveAsync(result, response, cancellationToken);
        await WakeCycleAsync(result, cancellationToken);
        return first;
    }

    private async Task WakeCycleAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        var instanceId = CyclePeriods.InstanceId(CycleKind.Monthly, result.Month);
        if (await cycles.IsRunningAsync(client, instanceId, cancellationToken))
        {
            // Raised also for a replayed event id whose first raise may have been lost in a crash; the cycle counts teams, not events.
            await client.RaiseEventAsync(instanceId, InspectionResultEvent.Name,
                new InspectionResultEvent(result.TeamId, result.UnitId, result.EventId), cancellationToken);
            LogRaised(result.EventId, instanceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inspection result {EventId} raised into {InstanceId}")]
    private partial void LogRaised(string eventId, string instanceId);
}
