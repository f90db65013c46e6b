using System.Text;
using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Cycles;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Reports;
using RectifyFlows.Workflows.Reports.Xlsx;

namespace RectifyFlows.Api.Reports;

/// <summary>
/// <c>GET /api/reports/{kind}/{period}?office=&amp;format=</c>: an archived report as HTML (default, printable A4, with
/// the issuing office's header), JSON, CSV or XLSX; shared by both hosts. Each issuing office has its own report;
/// <c>office</c> picks one. Without it: a unit key gets its own office's, other keys the only office's when there is
/// one, else the roll-up across offices. A unit key sees only the reports of offices whose scope holds its unit.
/// </summary>
public sealed class ReportHandlers(ReportRepository reports, OfficeDirectory offices)
{
    public async Task<IResult> GetAsync(string kind, string period, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = context.Request.Query.Value("format");
        var office = context.Request.Query.Value("office");
        if (CycleApi.ParseKind(kind) is not { } cycleKind)
        {
            return Problems.Validation("kind", "must be monthly, weekly, quarterly or ten-day.");
        }

        if (format is not (null or "html" or "json" or "csv" or "xlsx"))
        {
            return Problems.Validation("format", "must be html, json, csv or xlsx.");
        }

        if (office is not null && !Identifiers.IsValid(office))
        {
            return Problems.Validation("office", "must be the unit id of an issuing office.");
        }

        var ct = context.RequestAborted;
        if (context.User.UnitId() is { } unitId)
        {
            var own = await offices.OfficesOfUnitAsync(unitId, ct);
            if (office is not null && !own.Contains(office, StringComparer.Ordinal))
            {
                return Problems.Forbidden($"A unit key reads the reports of its own office only ({string.Join(", ", own)}).");
            }

            office ??= own.Count > 0 ? own[0] : null;
            if (office is null)
            {
                return Problems.NotFound("Report", $"{kind}/{period}");
            }
        }
        else if (office is null && await offices.ListAsync(ct) is [var only])
        {
            office = only.Id;
        }

        var storedKind = ReportKeys.Kind(cycleKind);
        string? json = null;
        if (Domain.Periods.CyclePeriods.Range(cycleKind, period) is not null)
        {
            // A report archived before offices existed sits under the period alone: the single office's report.
            json = await reports.GetAsync(storedKind, ReportKeys.Period(period, office), ct)
                ?? (office is not null && context.User.UnitId() is null && (await offices.ListAsync(ct)).Count == 1
                    ? await reports.GetAsync(storedKind, period, ct) : null);
        }

        if (json is null)
        {
            return Problems.NotFound("Report", office is null ? $"{kind}/{period}" : $"{kind}/{period}?office={office}");
        }

        var report = ReportRenderer.FromJson(json);
        var file = office is null ? $"{storedKind}-{period}" : $"{storedKind}-{period}-{office}";
        return format switch
        {
            "json" => Results.Text(json, "application/json", Encoding.UTF8),
            "csv" => Results.File(Encoding.UTF8.GetBytes(ReportRenderer.Csv(report)), "text/csv; charset=utf-8", $"{file}.csv"),
            "xlsx" => Results.File(ReportXlsx.Write(report), XlsxWriter.ContentType, $"{file}.xlsx"),
            _ => Results.Content(ReportRenderer.Html(report, report.Issuer ?? "巡视整改工作办公室"), "text/html; charset=utf-8"),
        };
    }
}
