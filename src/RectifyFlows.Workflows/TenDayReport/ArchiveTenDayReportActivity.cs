using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.TenDayReport;

/// <summary>Archives the ten-day report: measures by status and colour at the period's end, and the overdue list.</summary>
public sealed class ArchiveTenDayReportActivity(
    OfficeDirectory offices, MeasureRepository measures, ReportRepository reports, UnitNames unitNames,
    IOptions<ColourOptions> colours, TimeProvider time)
    : WorkflowActivity<OfficePeriod, int>
{
    protected override async Task<int> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var (first, last) = CyclePeriods.Range(CycleKind.TenDay, input.Period) ?? throw new ArgumentException($"'{input.Period}' is not a ten-day period.", nameof(input));
        var office = await offices.GetAsync(input.OfficeId, ct);
        var all = new List<Measure>();
        foreach (var planId in office?.PlanIds ?? [])
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, ct))
            {
                all.Add(measure);
            }
        }

        var names = await unitNames.ForOfficeAsync(input.OfficeId, all.SelectMany(m => m.LeadUnitIds), ct);
        var colour = all.ToDictionary(m => m.Id, m => ColourRule.Evaluate(m, last, colours.Value), StringComparer.Ordinal);
        var overdue = all.Where(m => m.IsOverdue(last)).OrderBy(m => m.EffectiveDueDate).ToList();
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var title = $"{office?.Name}脱贫攻坚{string.Join("、", office?.SourceKinds ?? [])}整改工作旬报（{first:yyyy年M月d日}—{last:M月d日}）";
        var report = OfficeReport.Headed(ReportKeys.TenDay, input, office, title, time.GetUtcNow()) with
        {
            Summary =
            [
                new("整改措施", N(all.Count)),
                new("已销号", N(all.Count(m => m.Status == MeasureStatus.SignedOff))),
                new("待审核", N(all.Count(m => m.Status == MeasureStatus.EvidenceSubmitted))),
                new("红色（逾期）", N(colour.Values.Count(c => c == Colour.Red))),
                new("黄色（滞后）", N(colour.Values.Count(c => c == Colour.Yellow))),
                new("绿色", N(colour.Values.Count(c => c == Colour.Green))),
            ],
            Charts = [new("措施状态分布", "项", [.. Enum.GetValues<MeasureStatus>().Select(s => new ReportBar(MeasureNames.Chinese(s), all.Count(m => m.Status == s), s == MeasureStatus.Returned))])],
            Tables =
            [
                new($"逾期未完成措施（截至{last:yyyy-MM-dd}）", ["措施", "牵头单位", "整改时限", "逾期天数", "状态", "进度"],
                    [.. overdue.Select(m => (IReadOnlyList<string>)[$"{m.Id} {(m.Text.Length > 40 ? m.Text[..40] + "…" : m.Text)}",
                        names.Names(m.LeadUnitIds), m.EffectiveDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        N(last.DayNumber - m.EffectiveDueDate.DayNumber), MeasureNames.Chinese(m.Status), N(m.Progress) + "%"])]),
            ],
        };
        await reports.ArchiveAsync(report, ct);
        return all.Count;
    }
}
