using System.Globalization;
using Microsoft.DurableTask;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>Archives the weekly report (ranking table and chart, bottom N in red) and sends the bulletin to every township.</summary>
public sealed class SendWeeklyBulletinActivity(
    ReportRepository reports, RecipientDirectory recipients, INotificationPort notifications, TimeProvider time)
    : TaskActivity<WeeklyStep, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, WeeklyStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var bottom = input.Ranking.Where(t => t.Bottom).ToList();
        var report = new ReportDocument
        {
            Kind = "weekly",
            Period = input.Week,
            Title = $"{input.Week}周扶贫项目推进情况调度通报",
            GeneratedAt = time.GetUtcNow(),
            Summary =
            [
                new("参与排名乡镇", input.Ranking.Count(t => t.HasData).ToString(CultureInfo.InvariantCulture)),
                new("约谈乡镇", bottom.Count.ToString(CultureInfo.InvariantCulture)),
                new("后三名", string.Join("、", bottom.Select(t => t.Name))),
            ],
            Charts = [new("乡镇项目推进综合得分（后三名标红）", "%", [.. input.Ranking.Select(t => new ReportBar(t.Name, t.Score, t.Bottom))])],
            Tables =
            [
                new("乡镇排名", ["名次", "乡镇", "项目数", "完成率", "资金拨付率", "综合得分", "处理"],
                    [.. input.Ranking.Select(t => (IReadOnlyList<string>)[t.RankText, t.Name,
                        t.Projects.ToString(CultureInfo.InvariantCulture), t.Completion, t.Disbursement,
                        t.Score.ToString("0.00", CultureInfo.InvariantCulture), t.Bottom ? "约谈主要领导" : string.Empty])]),
            ],
        };
        await reports.SaveAsync("weekly", input.Week, ReportRenderer.Json(report), ct);

        var content = NotificationTemplates.WeeklyBulletin(report.Title, bottom.Select(t => t.Name), $"/api/reports/weekly/{input.Week}");
        var messages = new List<OutboxMessage>();
        foreach (var township in input.Ranking)
        {
            messages.Add(await recipients.ToUnitAsync(township.UnitId, $"weekly|{input.Week}|bulletin", content, ct));
        }

        return await notifications.EnqueueAsync(messages, ct);
    }
}
