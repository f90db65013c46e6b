namespace RectifyFlows.Storage.Plans;

/// <summary>What an import did to the stored plan.</summary>
public enum PlanImportOutcome
{
    /// <summary>The plan did not exist before.</summary>
    Created,

    /// <summary>The plan existed and something in it changed.</summary>
    Updated,

    /// <summary>The stored plan already holds exactly this content; nothing was written.</summary>
    Unchanged,
}
