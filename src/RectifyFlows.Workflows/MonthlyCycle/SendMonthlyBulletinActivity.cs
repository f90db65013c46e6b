using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Compiles the office's bulletin, archives it as the office's report of the month (replaced by the final one after
/// handling), and sends it to every unit it names and to the office. One message per unit and month: a rerun sends
/// nothing new.
/// </summary>
public sealed class SendMonthlyBulletinActivity(
    MonthlyReportBuilder builder, ReportRepository reports, MonthlyAttendance attendance, UnitMessenger messenger, MessageLinks links)
    : WorkflowActivity<OfficePeriod, MonthlySummary>
{
    protected override async Task<MonthlySummary> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var (report, summary, results) = await builder.BuildAsync(input, withActions: false, ct);
        await reports.ArchiveAsync(report, ct);

        var named = results.Where(r => r.Findings.Count > 0).Select(r => r.UnitId);
        var key = MessageKeys.MonthlyBulletin(input.Period, input.OfficeId);
        var content = NotificationTemplates.MonthlyBulletin(
            report.Title, summary.Findings, summary.AttendanceBreaches, attendance.MinimumDaysOnSite, summary.OverdueMeasures, links.Report(ReportKeys.Monthly, input.Period, input.OfficeId));
        var written = await messenger.SendAsync(named.Append(input.OfficeId).Distinct(StringComparer.Ordinal), key, content, ct);
        return summary with { MessagesWritten = written };
    }
}
