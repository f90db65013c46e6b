using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Builds the monthly bulletin / report (通报): findings per unit, attendance below 20 days, overdue measures, and
/// project completion and fund disbursement rates per township, plus the actions opened once handling is done.
/// </summary>
public sealed class MonthlyReportBuilder(
    InspectionResultRepository results,
    MeasureRepository measures,
    ProjectRepository projects,
    ActionRepository actions,
    PlanDirectoryRepository plans,
    AttendanceRepository attendance,
    MonthlyReportLeads leads,
    UnitNames unitNames,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    public async Task<(ReportDocument Report, MonthlySummary Summary, IReadOnlyList<InspectionResult> Results)> BuildAsync(
        string month, bool withActions, CancellationToken ct)
    {
        var names = await unitNames.LoadAsync(ct);
        var monthResults = await results.ListByMonthAsync(month, ct);
        var findings = monthResults.SelectMany(r => r.Findings.Select(f => (Result: r, Finding: f))).ToList();
        var breaches = findings.Where(x => AttendanceRule.IsBreach(x.Finding)).ToList();
        var others = findings.Where(x => !AttendanceRule.IsBreach(x.Finding)).ToList();

        // Breaches reported through the attendance webhook, for people no team already reported this month.
        var named = breaches.Select(x => x.Finding.PersonId).ToHashSet(StringComparer.Ordinal);
        var recorded = (await attendance.ListAsync(month, breachesOnly: true, unitId: null, ct)).Where(r => !named.Contains(r.PersonId)).ToList();

        var range = CyclePeriods.Range(CycleKind.Monthly, month)!.Value;
        var today = ChinaTime.Today(time);
        var asOf = today < range.Last ? today : range.Last.AddDays(1);
        var overdue = new List<Domain.Measures.Measure>();
        await foreach (var measure in measures.ListOverdueAsync(asOf, ct))
        {
            overdue.Add(measure);
        }

        var progress = new List<TownshipProgress>();
        foreach (var (_, districtId) in await plans.ListAsync(ct))
        {
            progress.AddRange((await projects.ListByDistrictAsync(districtId, ct))
                .GroupBy(p => p.UnitId, StringComparer.Ordinal)
                .Select(g => TownshipProgress.Of(g.Key, UnitNames.Name(names, g.Key), districtId, [.. g])));
        }

        var opened = withActions ? await actions.ListAsync(null, null, null, CyclePeriods.InstanceId(CycleKind.Monthly, month), ct) : [];
        var teamsReported = monthResults.Select(r => r.TeamId).Distinct(StringComparer.Ordinal).Count();
        var completion = progress.Count == 0 ? "—" : Domain.Reporting.Rate.Completion(progress.Sum(p => p.Completed), progress.Sum(p => p.Projects)).ToString();
        var disbursement = progress.Count == 0 ? "—" : Domain.Reporting.Rate.Disbursement(progress.Sum(p => p.Disbursed), progress.Sum(p => p.Allocated)).ToString();

        var report = new ReportDocument
        {
            Kind = "monthly",
            Period = month,
            Title = $"{Chinese(month)}脱贫攻坚督查情况通报",
            GeneratedAt = time.GetUtcNow(),
            Summary =
            [
                new("督查组报送结果", teamsReported.ToString(CultureInfo.InvariantCulture)),
                new("发现问题", others.Count.ToString(CultureInfo.InvariantCulture)),
                new("驻村不足20天", (breaches.Count + recorded.Count).ToString(CultureInfo.InvariantCulture)),
                new("逾期整改措施", overdue.Count.ToString(CultureInfo.InvariantCulture)),
                new("项目完成率", completion),
                new("资金拨付率", disbursement),
                new("已启动问责", withActions ? opened.Count.ToString(CultureInfo.InvariantCulture) : "处理中"),
            ],
            Tables =
            [
                new("一、督查发现的问题", ["单位", "督查组", "类别", "程度", "问题", "详情"],
                    [.. others.Select(x => (IReadOnlyList<string>)[UnitNames.Name(names, x.Result.UnitId), x.Result.TeamId, x.Finding.Kind, x.Finding.Severity, x.Finding.Subject, x.Finding.Detail])]),
                new("二、驻村干部考勤不足20天（通报批评、取消评优资格）", ["人员", "单位", "驻村天数", "情况"],
                    [.. breaches.Select(x => (IReadOnlyList<string>)[x.Finding.PersonId ?? "—", UnitNames.Name(names, x.Result.UnitId), (x.Finding.DaysOnSite ?? 0).ToString(CultureInfo.InvariantCulture), x.Finding.Detail]),
                     .. recorded.Select(r => (IReadOnlyList<string>)[r.PersonId, UnitNames.Name(names, r.UnitId), r.DaysOnSite.ToString(CultureInfo.InvariantCulture), "考勤报送"])]),
                new($"三、逾期未完成的整改措施（截至{asOf:yyyy-MM-dd}）", ["措施", "牵头单位", "整改时限", "逾期天数", "状态"],
                    [.. overdue.OrderBy(m => m.EffectiveDueDate).Select(m => (IReadOnlyList<string>)[
                        $"{m.Id} {Short(m.Text)}", UnitNames.Name(names, m.LeadUnitId), m.EffectiveDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        (asOf.DayNumber - m.EffectiveDueDate.DayNumber).ToString(CultureInfo.InvariantCulture), m.Status.ToString()])]),
                new("四、乡镇项目完成率和资金拨付率", ["乡镇", "项目数", "已完工", "完成率", "资金拨付率"],
                    [.. progress.OrderBy(p => p.Score).Select(p => (IReadOnlyList<string>)[
                        p.Name, p.Projects.ToString(CultureInfo.InvariantCulture), p.Completed.ToString(CultureInfo.InvariantCulture), p.Completion.ToString(), p.Disbursement.ToString()])]),
                .. withActions
                    ? new[] { new ReportTable("五、处理情况", ["单位", "人员", "处理方式", "事由", "办结时限"],
                        [.. opened.Select(a => (IReadOnlyList<string>)[UnitNames.Name(names, a.UnitId), a.PersonId ?? "—", ActionNames.Chinese(a.Kind), a.Reason, a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])]) }
                    : [],
            ],
            Charts = progress.Count == 0 ? [] :
            [
                new($"乡镇项目推进综合得分（完成率与拨付率均值，后{options.Value.BottomCount}名标红）", "%",
                    [.. Bottom(progress, options.Value.BottomCount)]),
            ],
        };
        report = await leads.ApplyAsync(report, ct);
        var summary = new MonthlySummary(monthResults.Count, others.Count, breaches.Count, overdue.Count, opened.Count, 0);
        return (report, summary, monthResults);
    }

    private static IEnumerable<ReportBar> Bottom(List<TownshipProgress> progress, int bottomCount)
    {
        var ranked = Ranking.BestFirst(progress, p => p.Score, p => p.UnitId);
        var bottom = ranked.GroupBy(p => p.DistrictId).SelectMany(g => Ranking.Bottom([.. g], bottomCount)).Select(p => p.UnitId).ToHashSet(StringComparer.Ordinal);
        return ranked.Select(p => new ReportBar(p.Name, p.Score, bottom.Contains(p.UnitId)));
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static string Chinese(string month) =>
        CyclePeriods.TryParseMonth(month, out var first) ? first.ToString("yyyy年M月", CultureInfo.InvariantCulture) : month;
}
