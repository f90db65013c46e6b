using System.Globalization;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>A <see cref="ReportDocument"/> as a workbook: a summary sheet, one sheet per table and per chart's data.</summary>
public static class ReportXlsx
{
    public static byte[] Write(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var generated = ChinaTime.ToChinaTime(report.GeneratedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";
        var summary = new List<IReadOnlyList<object?>>
        {
            new object?[] { "标题", report.Title },
            new object?[] { "周期", report.Period },
            new object?[] { "生成时间", generated },
        };
        summary.AddRange(report.Summary.Select(f => (IReadOnlyList<object?>)[f.Label, f.Value]));
        var sheets = new List<XlsxSheet> { new("摘要", ["项目", "内容"], summary) { Widths = [24, 60] } };
        sheets.AddRange(report.Tables.Select(t => new XlsxSheet(
            t.Heading, t.Columns, [.. t.Rows.Select(r => (IReadOnlyList<object?>)[.. r.Cast<object?>()])])
        {
            Widths = [.. t.Columns.Select(_ => 18d)],
        }));
        sheets.AddRange(report.Charts.Select(c => new XlsxSheet(
            c.Title, ["名称", "数值（" + c.Unit + "）", "标记"],
            [.. c.Bars.Select(b => (IReadOnlyList<object?>)[b.Label, b.Value, b.Highlight ? "后三名" : string.Empty])])
        {
            Widths = [24, 14, 10],
        }));
        return XlsxWriter.Write(sheets);
    }
}
