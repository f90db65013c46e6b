using Microsoft.DurableTask;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Compiles the bulletin, archives it as the month's report (replaced by the final one after handling), and sends it
/// to every unit it names and to each district office. One message per unit and month: a rerun sends nothing new.
/// </summary>
public sealed class SendMonthlyBulletinActivity(
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
        var (report, summary, results) = await builder.BuildAsync(input, withActions: false, ct);
        await reports.SaveAsync("monthly", input, ReportRenderer.Json(report), ct);

        var named = results.Where(r => r.Findings.Count > 0).Select(r => r.UnitId);
        var offices = (await plans.ListAsync(ct)).Select(p => p.DistrictId);
        var key = $"monthly|{input}|bulletin";
        var content = NotificationTemplates.MonthlyBulletin(
            report.Title, summary.Findings, summary.AttendanceBreaches, summary.OverdueMeasures, $"/api/reports/monthly/{input}");
        var messages = new List<OutboxMessage>();
        foreach (var unitId in named.Concat(offices).Distinct(StringComparer.Ordinal))
        {
            messages.Add(await recipients.ToUnitAsync(unitId, key, content, ct));
        }

        var written = await notifications.EnqueueAsync(messages, ct);
        return summary with { MessagesWritten = written };
    }
}
