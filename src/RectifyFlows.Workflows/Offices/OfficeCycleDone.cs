using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// Sent by an office's cycle to the period's instance when it ends. The offices' cycles are separate orchestrations
/// started by an activity, not sub-orchestrations: the standalone host's engine (the gRPC sidecar over the Azure
/// Storage provider) cannot read back the sub-orchestration start message the sidecar writes (ADR 0007, 0011).
/// </summary>
public sealed record OfficeCycleDone(string OfficeId, CycleStatus Status)
{
    public const string Name = "OfficeCycleDone";

    /// <summary>Tells the period's instance (<c>{kind}-{period}</c>) that this office's cycle ended with <paramref name="status"/>.</summary>
    public static void Send(TaskOrchestrationContext context, CycleKind kind, OfficePeriod office, CycleStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(office);
        context.SendEvent(CyclePeriods.InstanceId(kind, office.Period), Name, new OfficeCycleDone(office.OfficeId, status));
    }
}
