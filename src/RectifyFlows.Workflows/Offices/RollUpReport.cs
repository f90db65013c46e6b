using System.Globalization;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// The roll-up of a period across offices (a province): counts summed, one row per office with its figures, then
/// each office's tables under its name. With one office the roll-up is that office's report, unchanged.
/// </summary>
public static class RollUpReport
{
    public static ReportDocument Of(CycleKind kind, string period, IReadOnlyList<(Office Office, ReportDocument Report)> offices, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(offices);
        if (offices.Count == 1)
        {
            return offices[0].Report;
        }

        var labels = offices.SelectMany(o => o.Report.Summary.Select(f => f.Label)).Distinct(StringComparer.Ordinal).ToList();
        string Value(ReportDocument report, string label) => report.Summary.FirstOrDefault(f => f.Label == label)?.Value ?? "—";
        var summed = labels
            .Where(label => offices.All(o => int.TryParse(Value(o.Report, label), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            .Select(label => new ReportFigure(label, offices.Sum(o => int.Parse(Value(o.Report, label), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new ReportDocument
        {
            Kind = ReportKeys.Kind(kind),
            Period = period,
            Title = $"{ReportTerms.Period(kind, period)}各整改工作办公室{Name(kind)}汇总",
            GeneratedAt = generatedAt,
            Summary = [new("整改工作办公室", offices.Count.ToString(CultureInfo.InvariantCulture)), .. summed],
            Tables =
            [
                new("各整改工作办公室情况", ["整改工作办公室", .. labels],
                    [.. offices.Select(o => (IReadOnlyList<string>)[o.Office.Issuer, .. labels.Select(l => Value(o.Report, l))])],
                    "各办公室的通报分别归档，可按办公室查阅（office 参数）。"),
                .. offices.SelectMany(o => o.Report.Tables.Select(t => t with { Heading = $"{o.Office.Name}：{t.Heading}" })),
            ],
        };
    }

    public static string Name(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => "督查情况通报",
        CycleKind.Weekly => "项目推进调度通报",
        CycleKind.Quarterly => "乡镇季度评价",
        _ => "工作旬报",
    };
}
