using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Domain.Evaluation;

/// <summary>
/// Domain rule 6: a township scoring below the threshold while in the bottom N gets a strike; consecutive strikes map
/// to WrittenSelfCriticism (1), DowngradedManagement (2), Demotion (3 and more); a quarter without a strike resets.
/// </summary>
public static class StrikeLadder
{
    public static bool IsStrike(decimal score, bool inBottom, decimal threshold) => inBottom && score < threshold;

    /// <summary>The consecutive count after this quarter.</summary>
    public static int Next(int consecutive, bool strike) => strike ? consecutive + 1 : 0;

    public static ActionKind? Sanction(int consecutive) => consecutive switch
    {
        <= 0 => null,
        1 => ActionKind.WrittenSelfCriticism,
        2 => ActionKind.DowngradedManagement,
        _ => ActionKind.Demotion,
    };
}
