using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Routing;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Reporting;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Api.Disclosure;

/// <summary>
/// 公开公示: <c>GET /api/public/projects</c> without a key. The response is built from projects and unit names only,
/// field by field, so no measure, person or contact can leak into it when those types grow.
/// </summary>
public static class PublicDisclosureEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ListPublicProjects", "GET", "/api/public/projects", null, "Public", GetAsync) { Query = ["districtId"] },
    ];

    private static async Task<IResult> GetAsync(ApiRequest r)
    {
        var context = r.Context;
        var directory = r.Service<PlanDirectoryRepository>();
        var projects = r.Service<ProjectRepository>();
        var units = r.Service<UnitRepository>();
        var time = r.Service<TimeProvider>();
        var districtId = r.Query("districtId");
        if (districtId is not null && !Identifiers.IsValid(districtId))
        {
            return Problems.Validation("districtId", "is not a valid id.");
        }

        var ct = context.RequestAborted;
        var districts = (await directory.ListAsync(ct)).Select(p => p.DistrictId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        districtId ??= districts.FirstOrDefault();
        if (districtId is null || !districts.Contains(districtId, StringComparer.Ordinal))
        {
            return Problems.NotFound("District", districtId ?? "(none)");
        }

        var unitRows = await units.ListByDistrictAsync(districtId, ct);
        var names = unitRows.ToDictionary(u => u.RowKey, u => u.Name, StringComparer.Ordinal);
        var districtName = unitRows.FirstOrDefault(u => u.Kind == nameof(Domain.Units.UnitKind.District))?.Name ?? districtId;
        var all = await projects.ListByDistrictAsync(districtId, ct);
        var townships = all.GroupBy(p => p.UnitId, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
                var progress = TownshipProgress.Of(g.Key, names.GetValueOrDefault(g.Key, g.Key), districtId, list);
                return new
                {
                    unitId = g.Key,
                    name = progress.Name,
                    projectCount = progress.Projects,
                    completed = progress.Completed,
                    progress.Allocated,
                    progress.Disbursed,
                    completionRate = progress.Completion.Percent,
                    disbursementRate = progress.Disbursement.Percent,
                    projects = list.Select(p => new
                    {
                        p.Id,
                        p.Name,
                        p.Year,
                        p.Status,
                        p.Percent,
                        p.Allocated,
                        p.Disbursed,
                        disbursementRate = Rate.Disbursement(p.Disbursed, p.Allocated).Percent,
                        p.Synthetic,
                    }),
                };
            })
            .OrderBy(t => t.unitId, StringComparer.Ordinal)
            .ToList();

        context.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new
        {
            districtId,
            districtName,
            districts,
            generatedAt = Domain.Time.ChinaTime.ToChinaTime(time.GetUtcNow()),
            allocated = townships.Sum(t => t.Allocated),
            disbursed = townships.Sum(t => t.Disbursed),
            disbursementRate = Rate.Disbursement(townships.Sum(t => t.Disbursed), townships.Sum(t => t.Allocated)).Percent,
            townships,
        });
    }
}
