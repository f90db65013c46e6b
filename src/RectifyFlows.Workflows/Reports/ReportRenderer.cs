using System.Globalization;
using System.Net;
using System.Text;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Workflows.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as printable Chinese HTML with inline SVG charts, as CSV, or as JSON.</summary>
public static class ReportRenderer
{
    /// <summary>The report as JSON. Not size-checked: a province's report runs to hundreds of KB, and the report store splits it.</summary>
    public static string Json(ReportDocument report) => System.Text.Json.JsonSerializer.Serialize(report, Storage.Tables.RowJson.Options);

    public static ReportDocument FromJson(string json) => Storage.Tables.RowJson.Deserialize<ReportDocument>(json);

    /// <summary>
    /// The report as a printable page: an A4 layout with the issuing office's header (红头) when
    /// <paramref name="issuer"/> is given, page numbers in the footer, table headers repeated on each printed page.
    /// </summary>
    public static string Html(ReportDocument report, string? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title>");
        html.Append("<style>body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em auto;max-width:60em;color:#222}")
            .Append(".issuer{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",SimSun,\"Songti SC\",serif;color:#c00;font-size:2em;font-weight:bold;text-align:center;letter-spacing:.15em;margin:0;padding-bottom:.3em;border-bottom:3px solid #c00}")
            .Append("h1{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",SimSun,\"Songti SC\",serif;font-size:1.6em;text-align:center;border-bottom:3px double #b00;padding-bottom:.4em}")
            .Append(".issuer+h1{border-bottom:none}")
            .Append("h2{font-size:1.2em;margin-top:1.6em;border-left:4px solid #b00;padding-left:.5em;break-after:avoid}")
            .Append("table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}")
            .Append("th{background:#f3f3f3}thead{display:table-header-group}tr{break-inside:avoid}svg{max-width:100%;height:auto}")
            .Append(".figures{display:flex;flex-wrap:wrap;gap:1em}.figure{border:1px solid #ccc;padding:.5em 1em;border-radius:4px}")
            .Append(".figure b{display:block;font-size:1.4em}.meta{text-align:center;color:#666}.note{color:#666;font-size:.9em}")
            // Printed: A4, numbered pages, colours kept so the red bottom-three bars stay red on paper.
            .Append("@page{size:A4;margin:18mm 15mm 20mm;@bottom-center{content:\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\";font-size:9pt;color:#666}}")
            .Append("@media print{body{margin:0;max-width:none;font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}.figure{break-inside:avoid}}")
            .Append("</style></head><body>");
        if (!string.IsNullOrWhiteSpace(issuer))
        {
            html.Append("<p class=\"issuer\">").Append(E(issuer)).Append("</p>");
        }

        html.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        html.Append("<p class=\"meta\">生成时间：").Append(E(ChinaTime.ToChinaTime(report.GeneratedAt).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)))
            .Append("（北京时间） · 周期：").Append(E(report.Period)).Append("</p>");
        if (report.Summary.Count > 0)
        {
            html.Append("<div class=\"figures\">");
            foreach (var figure in report.Summary)
            {
                html.Append("<div class=\"figure\"><b>").Append(E(figure.Value)).Append("</b>").Append(E(figure.Label)).Append("</div>");
            }

            html.Append("</div>");
        }

        foreach (var chart in report.Charts)
        {
            html.Append("<h2>").Append(E(chart.Title)).Append("</h2>").Append(Svg(chart));
            if (chart.Note is not null)
            {
                html.Append("<p class=\"note\">").Append(E(chart.Note)).Append("</p>");
            }
        }

        foreach (var table in report.Tables)
        {
            html.Append("<h2>").Append(E(table.Heading)).Append("</h2>");
            if (table.Rows.Count == 0)
            {
                html.Append("<p>无。</p>");
            }
            else
            {
                html.Append("<table><thead><tr>");
                foreach (var column in table.Columns)
                {
                    html.Append("<th>").Append(E(column)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>").Append(E(cell)).Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table>");
            }

            if (table.Note is not null)
            {
                html.Append("<p class=\"note\">").Append(E(table.Note)).Append("</p>");
            }
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>A horizontal bar chart as inline SVG, so it prints and survives being mailed.</summary>
    public static string Svg(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        const int barHeight = 22, gap = 6, labelWidth = 160, chartWidth = 420, valueWidth = 80;
        var max = chart.Bars.Count == 0 ? 1m : Math.Max(1m, chart.Bars.Max(b => b.Value));
        var height = chart.Bars.Count * (barHeight + gap) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{labelWidth + chartWidth + valueWidth}\" height=\"{height}\" aria-label=\"{E(chart.Title)}\">");
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = gap + i * (barHeight + gap);
            var width = (int)Math.Round(chartWidth * Math.Max(0, bar.Value) / max);
            var colour = bar.Highlight ? "#c62828" : "#1565c0";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\">{E(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"{colour}\"><title>{E(bar.Label)} {bar.Value}{E(chart.Unit)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\">{bar.Value:0.##}{E(chart.Unit)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Every table one after another, each under its heading; UTF-8 with BOM so Excel opens Chinese correctly.</summary>
    public static string Csv(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("\uFEFF");
        csv.Append(C(report.Title)).Append("\r\n");
        foreach (var figure in report.Summary)
        {
            csv.Append(C(figure.Label)).Append(',').Append(C(figure.Value)).Append("\r\n");
        }

        foreach (var table in report.Tables)
        {
            csv.Append("\r\n").Append(C(table.Heading)).Append("\r\n");
            csv.Append(string.Join(',', table.Columns.Select(C))).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.Append(string.Join(',', row.Select(C))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string C(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
