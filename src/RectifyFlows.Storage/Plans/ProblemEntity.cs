using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>A problem row in the plan's ledger partition.</summary>
public sealed class ProblemEntity : TableRow
{
    public string ProblemId { get; set; } = string.Empty;
    public string CategoryId { get; set; } = string.Empty;
    public string Number { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Finding { get; set; } = string.Empty;
    public bool LongTerm { get; set; }
    public int Order { get; set; }
}
