using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/project-progress</c>, signed with the reporting unit's secret (<c>unitId</c>): updates the
/// project's status, percent and disbursed funds (ETag-guarded, with an audit row). An unknown project, another unit's
/// project, or more disbursed than allocated is a 400 naming the field. Two storage round trips (issue 13): the unit
/// from memory, the project's read, and its change with the audit row and the event's record in one transaction.
/// </summary>
public sealed class ProjectProgressWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, ProjectRepository projects)
    : SignedWebhook<ProjectProgressRequest>(pipeline, new(Source, 16 * 1024, ["unitId"], RecordsItsOwnEvents: true))
{
    public const string Source = "project-progress";

    protected override async Task<WebhookOutcome> AcceptAsync(WebhookDelivery<ProjectProgressRequest> delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var ct = cancellationToken;
        var (progress, errors) = ProjectProgress.Validate(delivery.Body);
        if (errors.HasErrors)
        {
            return WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
        }

        if (await units.DistrictOfAsync(progress!.UnitId, ct) is not { } districtId)
        {
            return WebhookOutcome.Refused(Problems.Validation("unitId", $"unknown unit '{progress.UnitId}'."));
        }

        var accepted = new WebhookEvent(Source, SignedWebhookPipeline.AcceptedResponse(progress.ProjectId));
        var (refused, answer) = await projects.ApplyProgressAsync(districtId, progress, delivery.Actor, delivery.ReceivedAt, accepted, ct);

        // A project another office registered (a township's own plan) is not in the district's ledger: look up its
        // office and apply there. The usual case (the district's project) keeps its two round trips.
        var office = districtId;
        if (refused.ToDictionary().ContainsKey("projectId")
            && await projects.FindOfficeAsync(progress.ProjectId, ct) is { } other && other != districtId)
        {
            office = other;
            (refused, answer) = await projects.ApplyProgressAsync(office, progress, delivery.Actor, delivery.ReceivedAt, accepted, ct);
        }

        return refused.HasErrors
            ? await WebhookOutcome.RefusedUnlessReplayedAsync(refused, () => projects.FindEventResponseAsync(office, Source, progress.EventId, ct))
            : WebhookOutcome.Answered(answer!);
    }
}
