using System.Globalization;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// The monthly report's 线索办理 block (rule 8): counts of the leads ledger by status, the overdue leads without a
/// disposition, and the report's sign-off state. Applied when the report is archived and again when it is signed off,
/// replacing the earlier block, so the archived report shows the state at its last change. Any key may read a report,
/// so the block names leads by id only: what a tip says stays with the office (<c>/api/leads/{id}</c>, operator).
/// </summary>
public sealed class MonthlyReportLeads(
    LeadRepository leads, ReportSignoffRepository signoffs, UnitNames unitNames, OfficeDirectory offices, TimeProvider time)
{
    public const string Heading = "线索办理";
    public const string SignoffLabel = "签发状态";
    public const string OverdueLabel = "逾期未处置线索";
    public const string LeadsLabel = "问题线索";

    public async Task<ReportDocument> ApplyAsync(ReportDocument report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var today = ChinaTime.Today(time);
        var all = await leads.ListAsync(null, cancellationToken);
        var overdue = await leads.ListOverdueAsync(today, cancellationToken);
        var signoff = await signoffs.GetAsync(report.Kind, report.Period, cancellationToken);
        if (report.Office is { } officeId)
        {
            // An office's report shows the leads handed to its units; leads not yet handed to anyone, the district offices'.
            var units = await offices.UnitIdsAsync(officeId, cancellationToken);
            var district = (await unitNames.ForOfficeAsync(null, [officeId], cancellationToken)).IsKind(officeId, Domain.Units.UnitKind.District);
            bool Owns(Lead lead) => lead.OwnerUnitId is null ? district : units.Contains(lead.OwnerUnitId);
            all = [.. all.Where(Owns)];
            overdue = [.. overdue.Where(Owns)];
        }

        var names = await unitNames.ForOfficeAsync(report.Office, overdue.Select(l => l.OwnerUnitId), cancellationToken);
        string Count(LeadStatus status) => all.Count(l => l.Status == status).ToString(CultureInfo.InvariantCulture);
        var state = signoff is null
            ? "未签发"
            : $"已签发（{signoff.SignedBy}，{ChinaTime.ToChinaTime(signoff.SignedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）";
        var figures = new ReportFigure[]
        {
            new(LeadsLabel, all.Count.ToString(CultureInfo.InvariantCulture)),
            new(OverdueLabel, overdue.Count.ToString(CultureInfo.InvariantCulture)),
            new(SignoffLabel, state),
        };
        var table = new ReportTable($"{Heading}（截至{today:yyyy-MM-dd}）", ["线索", "来源", "承办单位", "办理时限", "逾期天数", "状态"],
            [.. overdue.Select(l => (IReadOnlyList<string>)[
                l.Id, l.Source, l.OwnerUnitId is null ? "未交办" : names.Name(l.OwnerUnitId),
                l.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (today.DayNumber - l.Deadline.DayNumber).ToString(CultureInfo.InvariantCulture), Chinese(l.Status)])],
            $"共{all.Count}条：登记未交办{Count(LeadStatus.Registered)}条，已交办{Count(LeadStatus.Assigned)}条，立案{Count(LeadStatus.CaseFiled)}条，"
            + $"了结{Count(LeadStatus.Closed)}条，移送{Count(LeadStatus.Transferred)}条；上表为逾期未处置的线索，存在时月报不能签发。"
            + "线索内容仅整改办可查阅。");

        var labels = figures.Select(f => f.Label).ToHashSet(StringComparer.Ordinal);
        return report with
        {
            Summary = [.. report.Summary.Where(f => !labels.Contains(f.Label)), .. figures],
            Tables = [.. report.Tables.Where(t => !t.Heading.StartsWith(Heading, StringComparison.Ordinal)), table],
        };
    }

    public static string Chinese(LeadStatus status) => ReportTerms.Lead(status);
}
