using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>Archives the office's final monthly report (bulletin plus handling) and tells the office it is ready.</summary>
public sealed class ArchiveMonthlyReportActivity(MonthlyReportBuilder builder, ReportRepository reports, UnitMessenger messenger, MessageLinks links)
    : WorkflowActivity<OfficePeriod, MonthlySummary>
{
    protected override async Task<MonthlySummary> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var (report, summary, _) = await builder.BuildAsync(input, withActions: true, ct);
        await reports.ArchiveAsync(report, ct);
        var written = await messenger.SendAsync([input.OfficeId], MessageKeys.MonthlyReportReady(input.Period, input.OfficeId),
            NotificationTemplates.ReportReadyOf(report.Title, summary.ActionsOpened, links.Report(ReportKeys.Monthly, input.Period, input.OfficeId)), ct);
        return summary with { MessagesWritten = written };
    }
}
