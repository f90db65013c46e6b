namespace RectifyFlows.Storage.Units;

/// <summary>What a plan import wrote of its units: how many records, and which declared units it left to their owner plan.</summary>
public sealed record UnitImportResult(int Written, IReadOnlyList<string> KeptAsOtherPlans);
