using Microsoft.DurableTask;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>Archives the final monthly report (bulletin plus handling) and tells each district office it is ready.</summary>
public sealed class ArchiveMonthlyReportActivity(
    MonthlyReportBuilder builder,
    ReportRepository reports,
    PlanDirectoryRepository plans,
    RecipientDirectory recipients,
    INotificationPort notifications)
    : TaskActivity<string, MonthlySummary>
{
    public override async Task<MonthlySummary> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var (report, summary, _) = await builder.BuildAsync(input, withActions: true, ct);
        await reports.SaveAsync("monthly", input, ReportRenderer.Json(report), ct);
        var messages = new List<OutboxMessage>();
        foreach (var (_, districtId) in await plans.ListAsync(ct))
        {
            messages.Add(await recipients.ToUnitAsync(districtId, $"monthly|{input}|report-ready",
                NotificationTemplates.ReportReadyOf(report.Title, summary.ActionsOpened, $"/api/reports/monthly/{input}"), ct));
        }

        return summary with { MessagesWritten = await notifications.EnqueueAsync(messages, ct) };
    }
}
