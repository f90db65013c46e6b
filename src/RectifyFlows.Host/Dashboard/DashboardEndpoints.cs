using Microsoft.Extensions.FileProviders;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Api.Auth;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Host.Dashboard;

/// <summary>
/// The dashboard: static pages embedded in the host (so they ship with the dll and need no CDN or content folder)
/// under <c>/dashboard/</c>, and the one lookup route the pages need that the ledger API lacks (plans and unit names).
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    // The pages run only their own scripts and call only this host's API. Inline styles are allowed because a report
    // opened from the dashboard (fetched with the key, shown from a blob: URL) inherits this policy and carries its own
    // <style>; the pages insert data as text, never as markup, so there is nothing to inject styles through.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(DashboardEndpoints).Assembly, "RectifyFlows.Host.Dashboard.Assets");
        // Plain redirects in middleware, not endpoints: routing ignores a trailing slash, so an endpoint for
        // "/dashboard" would also match "/dashboard/" and keep the static files from serving it.
        app.Use((context, next) =>
        {
            var target = context.Request.Path.Value switch
            {
                "/" or Path => Path + "/",
                "/public" => Path + "/public.html",
                _ => null,
            };
            if (target is not null && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(target);
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Small files that change with each release: always revalidate so a new build is seen at once.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/plans", ListPlansAsync).WithTags("Dashboard").RequireAuthorization(Policies.AnyKey);
        app.MapGet("/api/dashboard/units", ListUnitsAsync).WithTags("Dashboard").RequireAuthorization(Policies.AnyKey);
        return app;
    }

    private static async Task<IResult> ListPlansAsync(HttpContext context, PlanDirectoryRepository directory)
    {
        var plans = await directory.ListAsync(context.RequestAborted);
        return TypedResults.Ok(new
        {
            count = plans.Count,
            items = plans.OrderBy(p => p.PlanId, StringComparer.Ordinal).Select(p => new { planId = p.PlanId, districtId = p.DistrictId }),
        });
    }

    /// <summary>Unit names and kinds of a district (no contacts): what filters and headings show instead of ids.</summary>
    private static async Task<IResult> ListUnitsAsync(HttpContext context, UnitRepository units, string? districtId)
    {
        if (districtId is null || !Identifiers.IsValid(districtId))
        {
            return Problems.Validation("districtId", "is required and must be a valid id.");
        }

        var rows = await units.ListByDistrictAsync(districtId, context.RequestAborted);
        return TypedResults.Ok(new
        {
            count = rows.Count,
            items = rows.Select(u => new { id = u.RowKey, u.Name, kind = RectifyFlows.Api.Http.JsonNames.Camel(u.Kind), u.ParentId }),
        });
    }
}
