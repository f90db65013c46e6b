using Microsoft.DurableTask;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Compiles the office's bulletin, archives it as the office's report of the month (replaced by the final one after
/// handling), and sends it to every unit it names and to the office. One message per unit and month: a rerun sends
/// nothing new.
/// </summary>
public sealed class SendMonthlyBulletinActivity(
    MonthlyReportBuilder builder, ReportRepository reports, MonthlyAttendance attendance,
    RecipientDirectory recipients, INotificationPort notifications, MessageLinks links)
    : TaskActivity<OfficePeriod, MonthlySummary>
{
    public override async Task<MonthlySummary> RunAsync(TaskActivityContext context, OfficePeriod input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var (report, summary, results) = await builder.BuildAsync(input, withActions: false, ct);
        await reports.SaveAsync(ReportKeys.Monthly, ReportKeys.Period(input.Period, input.OfficeId), ReportRenderer.Json(report), ct);

        var named = results.Where(r => r.Findings.Count > 0).Select(r => r.UnitId);
        var key = MessageKeys.MonthlyBulletin(input.Period, input.OfficeId);
        var content = NotificationTemplates.MonthlyBulletin(
            report.Title, summary.Findings, summary.AttendanceBreaches, attendance.MinimumDaysOnSite, summary.OverdueMeasures, links.Report(ReportKeys.Monthly, input.Period, input.OfficeId));
        var messages = new List<OutboxMessage>();
        foreach (var unitId in named.Append(input.OfficeId).Distinct(StringComparer.Ordinal))
        {
            messages.Add(await recipients.ToUnitAsync(unitId, key, content, ct));
        }

        var written = await notifications.EnqueueAsync(messages, ct);
        return summary with { MessagesWritten = written };
    }
}
