using Microsoft.DurableTask;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>Archives the office's final monthly report (bulletin plus handling) and tells the office it is ready.</summary>
public sealed class ArchiveMonthlyReportActivity(
    MonthlyReportBuilder builder, ReportRepository reports,
    RecipientDirectory recipients, INotificationPort notifications, MessageLinks links)
    : TaskActivity<OfficePeriod, MonthlySummary>
{
    public override async Task<MonthlySummary> RunAsync(TaskActivityContext context, OfficePeriod input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var (report, summary, _) = await builder.BuildAsync(input, withActions: true, ct);
        await reports.SaveAsync(ReportKeys.Monthly, ReportKeys.Period(input.Period, input.OfficeId), ReportRenderer.Json(report), ct);
        var message = await recipients.ToUnitAsync(input.OfficeId, MessageKeys.MonthlyReportReady(input.Period, input.OfficeId),
            NotificationTemplates.ReportReadyOf(report.Title, summary.ActionsOpened, links.Report(ReportKeys.Monthly, input.Period, input.OfficeId)), ct);
        return summary with { MessagesWritten = await notifications.EnqueueAsync([message], ct) };
    }
}
