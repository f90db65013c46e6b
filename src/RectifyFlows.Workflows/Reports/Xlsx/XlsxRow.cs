namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>A row as read back: its 1-based number and its non-empty cells by column letters.</summary>
public sealed record XlsxRow(int Number, IReadOnlyDictionary<string, XlsxCell> Cells)
{
    public XlsxCell? this[string column] => Cells.GetValueOrDefault(column);

    public bool IsEmpty => Cells.Values.All(c => c.IsEmpty);
}
