using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/project-progress</c>, signed with the reporting unit's secret (<c>unitId</c>): updates the
/// project's status, percent and disbursed funds (ETag-guarded, with an audit row). An unknown project, another unit's
/// project, or more disbursed than allocated is a 400 naming the field.
/// </summary>
public sealed class ProjectProgressWebhook(SignedWebhookPipeline pipeline, UnitDirectory units, ProjectRepository projects)
{
    public const string Source = "project-progress";

    public static SignedWebhookRoute Route { get; } = new(Source, 16 * 1024, ["unitId"]);

    public Task<IResult> HandleAsync(HttpRequest request) =>
        pipeline.HandleAsync<ProjectProgressRequest>(request, Route, async (delivery, ct) =>
        {
            var (progress, errors) = ProjectProgress.Validate(delivery.Body);
            if (errors.HasErrors)
            {
                return WebhookOutcome.Refused(Problems.Validation(errors.ToDictionary()));
            }

            if (await units.DistrictOfAsync(progress!.UnitId, ct) is not { } districtId)
            {
                return WebhookOutcome.Refused(Problems.Validation("unitId", $"unknown unit '{progress.UnitId}'."));
            }

            var refused = await projects.ApplyProgressAsync(districtId, progress, delivery.Actor, delivery.ReceivedAt, ct);

            // A project another office registered (a township's own plan) is not in the district's ledger: look up its
            // office and apply there. The usual case (the district's project) keeps its two round trips.
            if (refused.ToDictionary().ContainsKey("projectId")
                && await projects.FindOfficeAsync(progress.ProjectId, ct) is { } office && office != districtId)
            {
                refused = await projects.ApplyProgressAsync(office, progress, delivery.Actor, delivery.ReceivedAt, ct);
            }

            return refused.HasErrors
                ? WebhookOutcome.Refused(Problems.Validation(refused.ToDictionary()))
                : WebhookOutcome.Accepted(progress.ProjectId);
        });
}
