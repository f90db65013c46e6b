using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>Archives the office's weekly report (ranking table and chart, bottom N in red) and sends the bulletin to each of its townships.</summary>
public sealed class SendWeeklyBulletinActivity(
    ReportRepository reports, OfficeDirectory offices, UnitMessenger messenger, IOptions<WorkflowOptions> options, TimeProvider time, MessageLinks links)
    : WorkflowActivity<WeeklyStep, int>
{
    protected override async Task<int> ExecuteAsync(WeeklyStep input, CancellationToken ct)
    {
        var office = await offices.GetAsync(input.OfficeId, ct);
        var bottom = input.Ranking.Where(t => t.Bottom).ToList();
        var bottomName = ReportTerms.Bottom(options.Value.BottomCount);
        var title = $"{office?.Name}{ReportTerms.Period(CycleKind.Weekly, input.Week)}扶贫项目推进情况调度通报";
        var report = OfficeReport.Headed(ReportKeys.Weekly, input.Office, office, title, time.GetUtcNow()) with
        {
            Summary =
            [
                new("参与排名乡镇", input.Ranking.Count(t => t.HasData).ToString(CultureInfo.InvariantCulture)),
                new("约谈乡镇", bottom.Count.ToString(CultureInfo.InvariantCulture)),
                new(bottomName, string.Join("、", bottom.Select(t => t.Name))),
            ],
            Charts = [new($"乡镇项目推进综合得分（{bottomName}标红）", "%", [.. input.Ranking.Select(t => new ReportBar(t.Name, t.Score, t.Bottom))])],
            Tables =
            [
                new("乡镇排名", ["名次", "乡镇", "项目数", "完成率", "资金拨付率", "综合得分", "处理"],
                    [.. input.Ranking.Select(t => (IReadOnlyList<string>)[t.RankText, t.Name,
                        t.Projects.ToString(CultureInfo.InvariantCulture), t.Completion, t.Disbursement,
                        t.Score.ToString("0.00", CultureInfo.InvariantCulture), t.Bottom ? "约谈主要领导" : string.Empty])]),
            ],
        };
        await reports.ArchiveAsync(report, ct);

        var content = NotificationTemplates.WeeklyBulletin(report.Title, bottom.Select(t => t.Name), links.Report(ReportKeys.Weekly, input.Office.Period, input.Office.OfficeId));
        return await messenger.SendAsync(input.Ranking.Select(t => t.UnitId), MessageKeys.WeeklyBulletin(input.Week, input.OfficeId), content, ct);
    }
}
