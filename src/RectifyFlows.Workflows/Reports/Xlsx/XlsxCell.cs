namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>A cell as read back: its A1 reference, its text and, when the cell is numeric, its number.</summary>
public sealed record XlsxCell(string Reference, string Text, double? Number)
{
    /// <summary>The column letters of the reference ("G" of "G5").</summary>
    public string Column => new([.. Reference.TakeWhile(char.IsAsciiLetter)]);

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}
