using System.Globalization;
using System.Text;
using HandlebarsDotNet;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Workflows.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as printable Chinese HTML with inline SVG charts, as CSV, or as JSON.</summary>
public static class ReportRenderer
{
    /// <summary>The report as JSON. Not size-checked: a province's report runs to hundreds of KB, and the report store splits it.</summary>
    public static string Json(ReportDocument report) => System.Text.Json.JsonSerializer.Serialize(report, Storage.Tables.RowJson.Options);

    public static ReportDocument FromJson(string json) => Storage.Tables.RowJson.Deserialize<ReportDocument>(json);

    /// <summary>
    /// The report as a printable page (the template <c>ReportPage.hbs</c>): an A4 layout with the issuing office's
    /// header (红头) when <paramref name="issuer"/> is given, page numbers in the footer, table headers repeated on
    /// each printed page, and bar charts as inline SVG so they print and survive being mailed.
    /// </summary>
    public static string Html(ReportDocument report, string? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Page.Value(new
        {
            report.Title,
            Issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer,
            Generated = ChinaTime.ToChinaTime(report.GeneratedAt).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
            report.Period,
            report.Summary,
            Charts = report.Charts.Select(ChartView.Of),
            report.Tables,
        });
    }

    /// <summary>
    /// Compiled once. Handlebars' own encoder escapes what HTML needs (&amp; &lt; &gt; quotes) and leaves Chinese as
    /// it is; the legacy one would turn every character above U+009F into a numeric reference.
    /// </summary>
    private static readonly Lazy<HandlebarsTemplate<object, object>> Page = new(() =>
    {
        using var stream = typeof(ReportRenderer).Assembly.GetManifestResourceStream("RectifyFlows.Workflows.Reports.ReportPage.hbs")
            ?? throw new InvalidOperationException("The report page template is not embedded in RectifyFlows.Workflows.");
        using var reader = new StreamReader(stream);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new HtmlEncoder() });
        return handlebars.Compile(reader.ReadToEnd());
    });

    /// <summary>
    /// A horizontal bar chart's geometry, for the template to draw: labels right-aligned before the plot, each value
    /// after its bar's end, highlighted bars (the bottom three) in red.
    /// </summary>
    private sealed record ChartView(string Title, string? Note, int Width, int Height, int LabelX, int BarX, int BarHeight, IReadOnlyList<BarView> Bars)
    {
        private const int Gap = 6, LabelWidth = 160, PlotWidth = 420, ValueWidth = 80, Bar = 22;

        public static ChartView Of(ReportChart chart)
        {
            var max = chart.Bars.Count == 0 ? 1m : Math.Max(1m, chart.Bars.Max(b => b.Value));
            var bars = chart.Bars.Select((bar, i) =>
            {
                var y = Gap + i * (Bar + Gap);
                var width = (int)Math.Round(PlotWidth * Math.Max(0, bar.Value) / max);
                var value = bar.Value.ToString("0.##", CultureInfo.InvariantCulture) + chart.Unit;
                return new BarView(bar.Label, value, y, y + 16, width, LabelWidth + width + 6, bar.Highlight ? "#c62828" : "#1565c0");
            }).ToList();
            var height = bars.Count * (Bar + Gap) + Gap;
            return new ChartView(chart.Title, chart.Note, LabelWidth + PlotWidth + ValueWidth, height, LabelWidth - 8, LabelWidth, Bar, bars);
        }
    }

    private sealed record BarView(string Label, string Value, int Y, int TextY, int Width, int ValueX, string Colour);

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

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string C(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
