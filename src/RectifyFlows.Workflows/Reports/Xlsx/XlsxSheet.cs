namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>
/// One worksheet to write: a name, a header row and data rows. Cell values are <see cref="string"/>, a number
/// (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>) or null for an empty cell.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Column widths in characters, by column; missing entries get a default.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [];
}
