using Microsoft.DurableTask.Client;

namespace RectifyFlows.Testing;

/// <summary>
/// A cycle as <c>GET api/cycles/{kind}/{period}</c> shows it (api.md, CycleApi). The counts and the phase are null
/// while the cycle has published no status yet; <see cref="Phase"/> is one of the product's
/// <see cref="RectifyFlows.Workflows.Common.CyclePhases"/>. A period run across offices lists them in <see cref="Offices"/>.
/// </summary>
public sealed record CycleStatusView(
    string InstanceId, OrchestrationRuntimeStatus RuntimeStatus, string? Phase, int? Teams, int? TeamsReported, int? Findings,
    int? ActionsOpened, int? MessagesWritten, DateTimeOffset? WindowClosesAt, IReadOnlyList<CycleOfficeView> Offices,
    DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? Failure);

/// <summary>One office's cycle of a period, as the period's status lists it.</summary>
public sealed record CycleOfficeView(string OfficeId, string? InstanceId, OrchestrationRuntimeStatus? RuntimeStatus, string? Phase);

/// <summary>The 202 answer of <c>POST api/cycles/{kind}/{period}</c>: the instance, where to poll it, and whether this call created it.</summary>
public sealed record CycleStarted(string InstanceId, string StatusUrl, bool Created);
