namespace RectifyFlows.Testing;

/// <summary>
/// An archived report as <c>GET api/reports/{kind}/{period}?format=json</c> shows it (the report document of
/// Workflows/Reports); <see cref="Office"/> is null for a roll-up across offices.
/// </summary>
public sealed record ReportView(
    string Kind, string Period, string Title, DateTimeOffset GeneratedAt, string? Office, string? Issuer,
    IReadOnlyList<ReportFigureView> Summary, IReadOnlyList<ReportTableView> Tables, IReadOnlyList<ReportChartView> Charts)
{
    /// <summary>Reads a report's JSON (the document as the API or the archive holds it).</summary>
    public static ReportView Parse(string json) => System.Text.Json.JsonSerializer.Deserialize<ReportView>(json, System.Text.Json.JsonSerializerOptions.Web)!;

    /// <summary>The summary figures by label (督查组报送结果 → 4).</summary>
    public IReadOnlyDictionary<string, string> Figures => Summary.ToDictionary(f => f.Label, f => f.Value, StringComparer.Ordinal);

    /// <summary>The one table whose heading starts with <paramref name="headingPrefix"/> (e.g. 三、).</summary>
    public ReportTableView TableStartingWith(string headingPrefix) =>
        Tables.Single(t => t.Heading.StartsWith(headingPrefix, StringComparison.Ordinal));
}

/// <summary>A headline figure of a report.</summary>
public sealed record ReportFigureView(string Label, string Value);

/// <summary>A table of a report: its rows are rows of cells, as text.</summary>
public sealed record ReportTableView(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note);

/// <summary>A bar chart of a report.</summary>
public sealed record ReportChartView(string Title, string Unit, IReadOnlyList<ReportBarView> Bars, string? Note);

/// <summary>One bar of a chart.</summary>
public sealed record ReportBarView(string Label, decimal Value, bool Highlight);
