namespace RectifyFlows.Workflows.Reports.Xlsx;

/// <summary>The rows of an uploaded ledger workbook, or the problems found in it keyed by cell (<c>H5</c>).</summary>
public sealed record LedgerWorkbookReadResult(IReadOnlyList<LedgerImportRow> Rows, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
