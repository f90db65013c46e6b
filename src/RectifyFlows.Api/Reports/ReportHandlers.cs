using System.Text;
using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Api.Http;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Reports;
using RectifyFlows.Workflows.Reports.Xlsx;

namespace RectifyFlows.Api.Reports;

/// <summary>
/// <c>GET /api/reports/{kind}/{period}?format=</c>: the archived report as HTML (default, printable A4), JSON, CSV or
/// XLSX; shared by both hosts (any key).
/// </summary>
public sealed class ReportHandlers(ReportRepository reports, PlanDirectoryRepository plans, UnitRepository units)
{
    public async Task<IResult> GetAsync(string kind, string period, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = context.Request.Query.Value("format");
        if (CycleApi.ParseKind(kind) is not { } cycleKind)
        {
            return Problems.Validation("kind", "must be monthly, weekly, quarterly or ten-day.");
        }

        if (format is not (null or "html" or "json" or "csv" or "xlsx"))
        {
            return Problems.Validation("format", "must be html, json, csv or xlsx.");
        }

        var storedKind = cycleKind == Domain.Periods.CycleKind.TenDay ? "ten-day" : kind;
        var json = Domain.Periods.CyclePeriods.Range(cycleKind, period) is null ? null : await reports.GetAsync(storedKind, period, context.RequestAborted);
        if (json is null)
        {
            return Problems.NotFound("Report", $"{kind}/{period}");
        }

        var report = ReportRenderer.FromJson(json);
        return format switch
        {
            "json" => Results.Text(json, "application/json", Encoding.UTF8),
            "csv" => Results.File(Encoding.UTF8.GetBytes(ReportRenderer.Csv(report)), "text/csv; charset=utf-8", $"{storedKind}-{period}.csv"),
            "xlsx" => Results.File(ReportXlsx.Write(report), XlsxWriter.ContentType, $"{storedKind}-{period}.xlsx"),
            _ => Results.Content(ReportRenderer.Html(report, await IssuerAsync(context.RequestAborted)), "text/html; charset=utf-8"),
        };
    }

    /// <summary>The printed header: the district's rectification office when the host serves one district.</summary>
    private async Task<string> IssuerAsync(CancellationToken cancellationToken)
    {
        const string Office = "巡视整改工作办公室";
        var districts = (await plans.ListAsync(cancellationToken)).Select(p => p.DistrictId).Distinct(StringComparer.Ordinal).ToList();
        if (districts.Count != 1)
        {
            return Office;
        }

        var district = (await units.ListByDistrictAsync(districts[0], cancellationToken))
            .FirstOrDefault(u => u.Kind == nameof(Domain.Units.UnitKind.District));
        return (district?.Name ?? string.Empty) + Office;
    }
}
