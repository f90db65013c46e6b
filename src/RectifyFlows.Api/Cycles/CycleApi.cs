using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;

namespace RectifyFlows.Api.Cycles;

/// <summary>
/// Start (idempotent) and read a cycle, <c>/api/cycles/{monthly|weekly|quarterly|ten-day}/{period}</c>: 202
/// <c>{instanceId, statusUrl, created}</c>; 200 with the status; 400 naming a bad kind or period; 404 for no instance.
/// Both hosts call it with a <see cref="CycleStarter"/> over their own durable client.
/// </summary>
public static class CycleApi
{
    /// <summary>"ten-day" and "tenday" both name the ten-day report.</summary>
    public static CycleKind? ParseKind(string kind) => kind switch
    {
        "monthly" => CycleKind.Monthly,
        "weekly" => CycleKind.Weekly,
        "quarterly" => CycleKind.Quarterly,
        "ten-day" or "tenday" => CycleKind.TenDay,
        _ => null,
    };

    public static async Task<IResult> StartAsync(CycleStarter starter, string kind, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starter);
        if (Validate(kind, period) is { } problem)
        {
            return problem;
        }

        var (instanceId, created) = await starter.StartAsync(ParseKind(kind)!.Value, period, cancellationToken);
        var statusUrl = $"/api/cycles/{kind}/{period}";
        return TypedResults.Accepted(statusUrl, new { instanceId, statusUrl, created });
    }

    public static Task<IResult> GetAsync(CycleStarter starter, string kind, string period, CancellationToken cancellationToken) =>
        GetAsync(starter, kind, period, null, cancellationToken);

    /// <summary>
    /// The period's cycle across offices (its counts summed over the offices' cycles while they run, and each office's
    /// phase), or with <paramref name="office"/> that office's own cycle (<c>{kind}-{officeId}-{period}</c>).
    /// </summary>
    public static async Task<IResult> GetAsync(CycleStarter starter, string kind, string period, string? office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starter);
        if (Validate(kind, period) is { } problem)
        {
            return problem;
        }

        if (office is not null && !Domain.Plans.Identifiers.IsValid(office))
        {
            return Problems.Validation("office", "must be the unit id of an issuing office.");
        }

        var cycleKind = ParseKind(kind)!.Value;
        var instance = office is null
            ? await starter.GetAsync(cycleKind, period, cancellationToken)
            : await starter.GetOfficeAsync(cycleKind, period, office, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound("Cycle", office is null ? $"{kind}/{period}" : $"{kind}/{period}?office={office}");
        }

        var status = instance.ReadCustomStatusAs<CycleStatus>();
        var offices = new List<object>();
        if (status?.Offices is { Count: > 0 } officeIds)
        {
            var running = new List<CycleStatus?>();
            foreach (var officeId in officeIds)
            {
                var child = await starter.GetOfficeAsync(cycleKind, period, officeId, cancellationToken);
                var childStatus = child?.ReadCustomStatusAs<CycleStatus>();
                running.Add(childStatus);
                offices.Add(new { officeId, instanceId = child?.InstanceId, runtimeStatus = child?.RuntimeStatus.ToString(), phase = childStatus?.Phase });
            }

            // While the offices' cycles run, the period's own status has no counts yet: sum theirs; one phase if they share it.
            if (status.Phase == CyclePhases.Offices)
            {
                var phases = running.Select(r => r?.Phase).Distinct().ToList();
                status = OfficeCyclesOrchestrator.Sum(status, running) with { Phase = phases is [{ } shared] ? shared : status.Phase };
            }
        }

        return TypedResults.Ok(new
        {
            instanceId = instance.InstanceId,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            phase = status?.Phase,
            teams = status?.Teams,
            teamsReported = status?.TeamsReported,
            findings = status?.Findings,
            actionsOpened = status?.ActionsOpened,
            messagesWritten = status?.MessagesWritten,
            windowClosesAt = status?.WindowClosesAt,
            offices,
            createdAt = instance.CreatedAt,
            lastUpdatedAt = instance.LastUpdatedAt,
            failure = instance.FailureDetails?.ErrorMessage,
        });
    }

    private static IResult? Validate(string kind, string period)
    {
        if (ParseKind(kind) is not { } cycleKind)
        {
            return Problems.Validation("kind", "must be monthly, weekly, quarterly or ten-day.");
        }

        return CyclePeriods.Range(cycleKind, period) is null
            ? Problems.Validation("period", cycleKind switch
            {
                CycleKind.Monthly => "must be a month: yyyy-MM.",
                CycleKind.Weekly => "must be an ISO week: yyyy-Www.",
                CycleKind.Quarterly => "must be a quarter: yyyy-Qn.",
                _ => "must be a ten-day period: yyyy-MM-n (n = 1, 2, 3).",
            })
            : null;
    }
}
