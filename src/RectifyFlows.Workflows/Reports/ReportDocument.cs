namespace RectifyFlows.Workflows.Reports;

/// <summary>
/// An archived report as data: a title, summary figures, tables and bar charts, all in Chinese. Cycles build one;
/// <see cref="ReportRenderer"/> turns it into HTML (with SVG charts), CSV or JSON.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>monthly, weekly, quarterly or ten-day.</summary>
    public required string Kind { get; init; }
    public required string Period { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The issuing office's unit id; null for a roll-up across offices.</summary>
    public string? Office { get; init; }

    /// <summary>The printed header (红头): the office's name and what its plans answer, e.g. 赣县区巡视整改工作办公室.</summary>
    public string? Issuer { get; init; }
    public IReadOnlyList<ReportFigure> Summary { get; init; } = [];
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
    public IReadOnlyList<ReportChart> Charts { get; init; } = [];
}

/// <summary>A headline number: 督查组已报送 4/4.</summary>
public sealed record ReportFigure(string Label, string Value);

/// <summary>A table with its heading.</summary>
public sealed record ReportTable(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>A horizontal bar chart; highlighted bars (e.g. the bottom three) are drawn in red.</summary>
public sealed record ReportChart(string Title, string Unit, IReadOnlyList<ReportBar> Bars, string? Note = null);

/// <summary>One bar.</summary>
public sealed record ReportBar(string Label, decimal Value, bool Highlight);
