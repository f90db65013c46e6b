using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Reporting;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Projects;

/// <summary>
/// The projects ledger over HTTP, shared by both hosts: register or replace a project (ETag, audit row) and read an
/// office's projects with their rates per township and per category, each rate stated with its formula and rounding.
/// </summary>
public sealed class ProjectHandlers(ProjectRepository projects, UnitRepository units, TimeProvider time, IOptions<RateFormat> rates)
{
    /// <summary><c>POST /api/projects</c>: 201 with an ETag for a new id; with <c>If-Match</c>, 200 for a replacement.</summary>
    public async Task<IResult> RegisterAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.RequestAborted;
        var (body, problem) = await JsonBody.ReadAsync<ProjectRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var kinds = new Dictionary<string, UnitKind?>(StringComparer.Ordinal);
        foreach (var id in new[] { body!.OfficeId, body.TownshipId, body.VillageId }.OfType<string>().Where(Identifiers.IsValid))
        {
            kinds[id] = (await units.GetProfileAsync(id, ct))?.Kind;
        }

        if (!Identifiers.IsValid(body.OfficeId))
        {
            errors.Add("officeId", "is required: the district or township office whose ledger the project is in.");
        }
        else if (kinds.GetValueOrDefault(body.OfficeId!) is not (UnitKind.District or UnitKind.Township))
        {
            errors.Add("officeId", $"'{body.OfficeId}' is not a district or township unit.");
        }

        var project = ProjectReader.Read(errors, string.Empty, body, id => kinds.GetValueOrDefault(id));
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary(), $"The project has {errors.Count} problem(s); nothing was written.");
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString() is { Length: > 0 } header ? header : null;
        try
        {
            var (stored, etag, created, refused) = await projects.RegisterAsync(
                body.OfficeId!, project!, ifMatch, context.User.PrincipalId(), time.GetUtcNow(), ct);
            if (refused.HasErrors)
            {
                return Problems.Validation(refused.ToDictionary());
            }

            context.Response.Headers.ETag = etag;
            var response = new { officeId = body.OfficeId, project = stored };
            return created ? TypedResults.Created($"/api/projects?officeId={body.OfficeId}", response) : TypedResults.Ok(response);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("项目已存在或正被他人修改", ex.Message, "concurrency-conflict");
        }
    }

    /// <summary>
    /// <c>GET /api/projects?officeId=</c>: the office's projects and their rates per township (every township of the
    /// office, one without projects listed as no data) and per category, with the formulas and the rounding used.
    /// </summary>
    public async Task<IResult> ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.RequestAborted;
        var officeId = context.Request.Query["officeId"].ToString();
        if (!Identifiers.IsValid(officeId))
        {
            return Problems.Validation("officeId", "is required: a district or township unit id.");
        }

        var format = rates.Value;
        var list = await projects.ListByOfficeAsync(officeId, ct);
        var listing = await units.ListByOfficeAsync(officeId, ct);
        var names = listing.ToDictionary(u => u.RowKey, u => u.Name, StringComparer.Ordinal);
        var (byTownship, byCategory) = ProjectRates.Breakdown(list, id => names.GetValueOrDefault(id, id), format);
        var withData = byTownship.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var noData = listing.Where(u => u.Kind == nameof(UnitKind.Township) && !withData.Contains(u.RowKey))
            .Select(u => new { unitId = u.RowKey, name = u.Name, status = "无数据" });
        var all = ProjectRates.Of(officeId, names.GetValueOrDefault(officeId, officeId), list, format);
        return TypedResults.Ok(new
        {
            officeId,
            formulas = ProjectRates.Formulas(format),
            rounding = new { mode = format.Rounding, format.Decimals, description = format.Describe() },
            total = Describe(all),
            townships = byTownship.Select(Describe),
            townshipsWithoutData = noData,
            categories = byCategory.Select(Describe),
            count = list.Count,
            items = list.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new
            {
                p.Id, p.Name, townshipId = p.UnitId, p.VillageId, p.Category, p.Year, p.FundingLevel,
                fundingLevelName = FundingLevels.Chinese(p.FundingLevel), p.Allocated, p.Disbursed, p.Status,
                statusName = ProjectStatuses.Chinese(p.Status), p.Percent, p.StartedOn, p.CompletedOn,
                p.Provenance, provenanceName = p.Provenance.DisplayName(),
            }),
        });
    }

    private static object Describe(ProjectRates r) => new
    {
        key = r.Key,
        name = r.Name,
        projects = r.Projects,
        started = r.Started,
        completed = r.Completed,
        allocated = r.Allocated,
        disbursed = r.Disbursed,
        startRate = r.StartRate.ToString(),
        completionRate = r.Completion.ToString(),
        disbursementRate = r.Disbursement.ToString(),
        disbursedWan = (r.Disbursed / 10_000m).ToString("0.00", CultureInfo.InvariantCulture) + "万元",
    };
}

/// <summary>The body of <c>POST /api/projects</c>: a project and the office whose ledger holds it.</summary>
public sealed class ProjectRequest : ProjectDocument
{
    public string? OfficeId { get; set; }
}
