using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Builds one office's monthly bulletin / report (通报): its teams' findings per unit, the attendance of the month
/// before (<see cref="MonthlyAttendance"/>), its plans' overdue measures (naming the leading official once level 2 of
/// the ladder is reached, rule 3), project completion and fund disbursement rates of its townships, and the actions its
/// cycle opened once handling is done. Nothing of another office's plans, units or teams.
/// </summary>
public sealed class MonthlyReportBuilder(
    InspectionResultRepository results,
    MeasureRepository measures,
    ProgressReader progressReader,
    ActionRepository actions,
    UnitRepository units,
    OfficeDirectory offices,
    MonthlyAttendance attendance,
    MonthlyReportLeads leads,
    UnitNames unitNames,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    public async Task<(ReportDocument Report, MonthlySummary Summary, IReadOnlyList<InspectionResult> Results)> BuildAsync(
        OfficePeriod input, bool withActions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var month = input.Period;
        var office = await offices.GetAsync(input.OfficeId, ct) ?? throw new InvalidOperationException($"No plan is issued by office '{input.OfficeId}'.");
        var officeUnit = await units.GetAsync(office.Id, ct);
        var teamNames = (officeUnit?.Teams ?? []).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var scope = await offices.UnitIdsAsync(office.Id, ct);

        var monthResults = (await results.ListByMonthAsync(month, ct)).Where(r => office.TeamIds.Contains(r.TeamId, StringComparer.Ordinal)).ToList();
        var others = monthResults.SelectMany(r => r.Findings.Where(f => f.Kind != "attendance").Select(f => (Result: r, Finding: f))).ToList();
        var breaches = await attendance.BreachesAsync(month, monthResults, scope, ct);
        var judged = MonthlyAttendance.JudgedMonth(month);

        var range = CyclePeriods.Range(CycleKind.Monthly, month)!.Value;
        var today = ChinaTime.Today(time);
        var asOf = today < range.Last ? today : range.Last.AddDays(1);
        var overdue = new List<Measure>();
        foreach (var planId in office.PlanIds)
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, ct))
            {
                if (measure.IsOverdue(asOf))
                {
                    overdue.Add(measure);
                }
            }
        }

        var level2 = options.Value.Escalation.Level2DaysAfter;
        var officials = (officeUnit?.Officials ?? []).ToDictionary(o => o.Id, StringComparer.Ordinal);
        string Official(Measure m) =>
            asOf.DayNumber - m.EffectiveDueDate.DayNumber < level2 || m.LeadOfficialId is not { Length: > 0 } id ? string.Empty
            : officials.TryGetValue(id, out var o) ? (o.Name is null ? o.Role : $"{o.Role}{o.Name}") : id;

        var progress = (await progressReader.TownshipsAsync(office.Id, ct)).Where(p => p.Projects > 0).ToList();

        // The handling opens actions only for units with a finding or a breach: their partitions hold the cycle's actions.
        var opened = withActions
            ? await actions.ListBySourceAsync(input.InstanceId(CycleKind.Monthly), [.. monthResults.Select(r => r.UnitId), .. breaches.Select(b => b.UnitId)], ct)
            : [];
        var names = await unitNames.ForOfficeAsync(office.Id,
            [.. monthResults.Select(r => r.UnitId), .. breaches.Select(b => b.UnitId), .. overdue.SelectMany(m => m.LeadUnitIds), .. opened.Select(a => a.UnitId)], ct);
        var teamsReported = monthResults.Select(r => r.TeamId).Distinct(StringComparer.Ordinal).Count();
        var completion = progress.Count == 0 ? "—" : Domain.Reporting.Rate.Completion(progress.Sum(p => p.Completed), progress.Sum(p => p.Projects)).ToString();
        var disbursement = progress.Count == 0 ? "—" : Domain.Reporting.Rate.Disbursement(progress.Sum(p => p.Disbursed), progress.Sum(p => p.Allocated)).ToString();
        var minimum = attendance.MinimumDaysOnSite;
        var bottom = ReportTerms.Bottom(options.Value.BottomCount);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        var report = OfficeReport.Headed(ReportKeys.Monthly, input, office, $"{office.Name}{Chinese(month)}脱贫攻坚督查情况通报", time.GetUtcNow()) with
        {
            Summary =
            [
                new("督查组报送结果", N(teamsReported)),
                new("发现问题", N(others.Count)),
                new($"驻村不足{minimum}天", N(breaches.Count)),
                new("逾期整改措施", N(overdue.Count)),
                new("项目完成率", completion),
                new("资金拨付率", disbursement),
                new("已启动问责", withActions ? N(opened.Count) : "处理中"),
            ],
            Tables =
            [
                new("一、督查发现的问题", ["单位", "督查组", "类别", "程度", "问题", "详情"],
                    [.. others.Select(x => (IReadOnlyList<string>)[names.Name(x.Result.UnitId), teamNames.GetValueOrDefault(x.Result.TeamId, x.Result.TeamId),
                        ReportTerms.FindingKind(x.Finding.Kind), ReportTerms.Severity(x.Finding.Severity), x.Finding.Subject, x.Finding.Detail])]),
                new($"二、{Chinese(judged)}驻村干部考勤不足{minimum}天（通报批评、取消评优资格）", ["人员", "单位", "驻村天数", "来源", "情况"],
                    [.. breaches.Select(b => (IReadOnlyList<string>)[b.PersonId ?? "—", names.Name(b.UnitId), N(b.DaysOnSite), ReportTerms.Attendance(b.Source), b.Detail])],
                    $"月度考勤于月底汇总，本月通报{Chinese(judged)}的考勤；督查组发现和乡镇考勤报送同样处理，连续两个月不足{minimum}天的提出召回。"),
                new($"三、逾期未完成的整改措施（截至{asOf:yyyy-MM-dd}）", ["措施", "牵头单位", "整改时限", "逾期天数", "状态", "牵头领导"],
                    [.. overdue.OrderBy(m => m.EffectiveDueDate).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => (IReadOnlyList<string>)[
                        $"{m.Id} {Short(m.Text)}", names.Names(m.LeadUnitIds), m.EffectiveDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        N(asOf.DayNumber - m.EffectiveDueDate.DayNumber), ReportTerms.Measure(m.Status), Official(m)])],
                    $"逾期{level2}天以上的措施点名牵头领导（督办第二级）。"),
                new("四、乡镇项目完成率和资金拨付率", ["乡镇", "项目数", "已完工", "完成率", "资金拨付率"],
                    [.. progress.OrderBy(p => p.Score).ThenBy(p => p.UnitId, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[
                        p.Name, N(p.Projects), N(p.Completed), p.Completion.ToString(), p.Disbursement.ToString()])]),
                .. withActions
                    ? new[] { new ReportTable("五、处理情况", ["单位", "人员", "处理方式", "事由", "办结时限"],
                        [.. opened.Select(a => (IReadOnlyList<string>)[names.Name(a.UnitId), a.PersonId ?? "—", ReportTerms.Action(a.Kind), a.Reason,
                            a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])]) }
                    : [],
            ],
            Charts = progress.Count == 0 ? [] :
            [
                new($"乡镇项目推进综合得分（完成率与拨付率均值，{bottom}标红）", "%", [.. Bottom(progress, options.Value.BottomCount)]),
            ],
        };
        report = await leads.ApplyAsync(report, ct);
        var summary = new MonthlySummary(monthResults.Count, others.Count, breaches.Count, overdue.Count, opened.Count, 0);
        return (report, summary, monthResults);
    }

    private static IEnumerable<ReportBar> Bottom(List<TownshipProgress> progress, int bottomCount)
    {
        var ranked = Ranking.BestFirst(progress, p => p.Score, p => p.UnitId);
        var bottom = Ranking.Bottom(ranked, bottomCount).Select(p => p.UnitId).ToHashSet(StringComparer.Ordinal);
        return ranked.Select(p => new ReportBar(p.Name, p.Score, bottom.Contains(p.UnitId)));
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static string Chinese(string month) =>
        CyclePeriods.TryParseMonth(month, out var first) ? first.ToString("yyyy年M月", CultureInfo.InvariantCulture) : month;
}
