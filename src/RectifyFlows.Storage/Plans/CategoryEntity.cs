using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>A category row in the plan's ledger partition.</summary>
public sealed class CategoryEntity : TableRow
{
    public string CategoryId { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public bool Inferred { get; set; }
    public int Order { get; set; }
}
