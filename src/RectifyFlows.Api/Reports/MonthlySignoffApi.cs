using System.Globalization;
using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.MonthlyCycle;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Api.Reports;

/// <summary>
/// <c>POST /api/reports/monthly/{period}/signoff</c> (rule 8): refused with 409 while any lead is past its deadline
/// without a disposition (the problem lists them); otherwise records who signed off and when (a second sign-off
/// returns the first) and refreshes the 线索办理 block and sign-off state of the period's archived reports: each issuing
/// office's and the roll-up (ADR 0011). The sign-off is the district leadership's, one per period, so every office's
/// bulletin of the month shows it.
/// </summary>
public sealed class MonthlySignoffApi(
    ReportRepository reports, ReportSignoffRepository signoffs, LeadRepository leads, MonthlyReportLeads block, OfficeDirectory offices,
    TimeProvider time)
{
    public const string Kind = ReportKeys.Monthly;

    public async Task<IResult> SignOffAsync(string period, string actor, CancellationToken cancellationToken)
    {
        if (CyclePeriods.Range(CycleKind.Monthly, period) is null)
        {
            return Problems.Validation("period", "must be a month: yyyy-MM.");
        }

        var archived = await ArchivedReportKeysAsync(period, cancellationToken);
        if (archived.Count == 0)
        {
            return Problems.NotFound("Report", $"{Kind}/{period}");
        }

        if (await signoffs.GetAsync(Kind, period, cancellationToken) is null)
        {
            var today = ChinaTime.Today(time);
            var overdue = await leads.ListOverdueAsync(today, cancellationToken);
            if (overdue.Count > 0)
            {
                return Problems.Conflict("存在逾期未处置的问题线索，月报不能签发",
                    string.Create(CultureInfo.InvariantCulture, $"{overdue.Count} lead(s) are past their deadline without a disposition: {string.Join(", ", overdue.Select(l => l.Id))}."),
                    "overdue-leads",
                    new Dictionary<string, object?>
                    {
                        ["overdueLeads"] = overdue.Select(l => new
                        {
                            id = l.Id, subject = l.Subject, ownerUnitId = l.OwnerUnitId,
                            deadline = l.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            daysOverdue = today.DayNumber - l.Deadline.DayNumber,
                        }).ToList(),
                    });
            }
        }

        var signoff = await signoffs.SignAsync(Kind, period, actor, time.GetUtcNow(), cancellationToken);
        foreach (var (key, json) in archived)
        {
            var report = await block.ApplyAsync(ReportRenderer.FromJson(json), cancellationToken);
            await reports.SaveAsync(Kind, key, ReportRenderer.Json(report), cancellationToken);
        }

        return TypedResults.Ok(new { kind = Kind, period, signedBy = signoff.SignedBy, signedAt = signoff.SignedAt, alreadySigned = !signoff.Created });
    }

    /// <summary>The period's archived monthly reports, by stored period: the roll-up and each office's.</summary>
    private async Task<List<(string Key, string Json)>> ArchivedReportKeysAsync(string period, CancellationToken cancellationToken)
    {
        var keys = new List<string> { ReportKeys.Period(period, null) };
        keys.AddRange((await offices.ListAsync(cancellationToken)).Select(o => ReportKeys.Period(period, o.Id)));
        var found = new List<(string, string)>();
        foreach (var key in keys)
        {
            if (await reports.GetAsync(Kind, key, cancellationToken) is { } json)
            {
                found.Add((key, json));
            }
        }

        return found;
    }
}
