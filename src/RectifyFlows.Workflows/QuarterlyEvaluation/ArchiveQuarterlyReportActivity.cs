using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

using RectifyFlows.Workflows.WeeklyDispatch;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>Archives the quarterly report: scores with their parts, strikes and sanctions, and the score chart.</summary>
public sealed class ArchiveQuarterlyReportActivity(ReportRepository reports, OfficeDirectory offices, IOptions<WorkflowOptions> options, TimeProvider time) : WorkflowActivity<QuarterlyStep, int>
{
    protected override async Task<int> ExecuteAsync(QuarterlyStep input, CancellationToken ct)
    {
        var office = await offices.GetAsync(input.OfficeId, ct);
        var bottom = ReportTerms.Bottom(options.Value.BottomCount);
        var strikes = input.Strikes.ToDictionary(s => s.UnitId, StringComparer.Ordinal);
        string F(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var title = $"{office?.Name}{ReportTerms.Period(CycleKind.Quarterly, input.Quarter)}乡镇脱贫攻坚工作评价";
        var report = OfficeReport.Headed(ReportKeys.Quarterly, input.Office, office, title, time.GetUtcNow()) with
        {
            Summary =
            [
                new("参评乡镇", input.Scores.Count.ToString(CultureInfo.InvariantCulture)),
                new("本季被记次", input.Strikes.Count(s => s.Strike).ToString(CultureInfo.InvariantCulture)),
                new("降职", input.Strikes.Count(s => s.Sanction == ActionKind.Demotion).ToString(CultureInfo.InvariantCulture)),
            ],
            Charts = [new($"乡镇季度评价得分（{bottom}标红）", "分", [.. input.Scores.Select(s => new ReportBar(s.Name, s.Score, s.Bottom))])],
            Tables =
            [
                new("评价结果", ["名次", "乡镇", "总分", "项目和资金", "整改措施", "督查", "连续记次", "处理"],
                    [.. input.Scores.Select(s => (IReadOnlyList<string>)[s.Rank.ToString(CultureInfo.InvariantCulture), s.Name, F(s.Score), s.ProjectsHaveData ? F(s.Projects) : TownshipRank.NoData,
                        F(s.Measures), F(s.Supervision), strikes.TryGetValue(s.UnitId, out var o) ? o.Consecutive.ToString(CultureInfo.InvariantCulture) : "0",
                        o is { Sanction: not null } ? OpenSanctionsActivity.SanctionText(o.Consecutive) + (o.Late ? "（补评）" : string.Empty) : string.Empty])],
                    string.Create(CultureInfo.InvariantCulture, $"项目和资金权重{options.Value.ProjectsWeight}%（整改报告）；得分低于{options.Value.StrikeThreshold}分且排名{bottom}记一次，")
                    + "主要负责人和分管负责人作深刻检查；相邻两个季度连续记次，"
                    + "主要负责人按副科级干部管理、分管负责人按同级非领导干部管理；连续三次降职；不记次或有季度未评价则清零。补评的季度不改变其后季度的记次。"),
            ],
        };
        await reports.ArchiveAsync(report, ct);
        return input.Scores.Count;
    }
}
