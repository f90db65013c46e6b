using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>Measure id → plan id (PK measure id, RK empty). Written once when the measure is first imported.</summary>
public sealed class MeasureDirectoryEntity : TableRow
{
    public string PlanId { get; set; } = string.Empty;
}
