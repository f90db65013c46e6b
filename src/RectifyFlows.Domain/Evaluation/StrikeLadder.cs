using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Domain.Evaluation;

/// <summary>
/// Domain rule 6: a township scoring below the threshold while in the bottom N gets a strike; strikes in adjacent
/// quarters escalate WrittenSelfCriticism → DowngradedManagement → Demotion; a clean quarter, or a quarter that never
/// ran (a gap), resets the count.
/// </summary>
public static class StrikeLadder
{
    public static bool IsStrike(decimal score, bool inBottom, decimal threshold) => inBottom && score < threshold;

    /// <summary>The consecutive count after this quarter.</summary>
    public static int Next(int consecutive, bool strike) => strike ? consecutive + 1 : 0;

    /// <summary>
    /// The consecutive count of a quarter from the count stored for the quarter just before it: null when that
    /// quarter never ran, which resets the count like a clean quarter (strikes count adjacent quarters, not evaluations).
    /// </summary>
    public static int CountAfter(int? previousQuarterCount, bool strike) => strike ? (previousQuarterCount ?? 0) + 1 : 0;

    public static ActionKind? Sanction(int consecutive) => consecutive switch
    {
        <= 0 => null,
        1 => ActionKind.WrittenSelfCriticism,
        2 => ActionKind.DowngradedManagement,
        _ => ActionKind.Demotion,
    };

    /// <summary>
    /// The sanctions of a strike, one per person, as the report distinguishes them: first strike, the principal and
    /// the deputy in charge each write a self-criticism; second, the principal is managed as a deputy-section-level
    /// cadre and the deputy as a non-leading cadre of the same rank; third and later, both are demoted.
    /// </summary>
    public static IReadOnlyList<Sanction> Sanctions(int consecutive) => Sanction(consecutive) switch
    {
        null => [],
        ActionKind.DowngradedManagement =>
        [
            new(LeaderRole.Principal, ActionKind.DowngradedManagement, "按副科级干部管理"),
            new(LeaderRole.Deputy, ActionKind.DowngradedManagement, "按同级非领导干部管理"),
        ],
        { } kind =>
        [
            new(LeaderRole.Principal, kind, ActionNames.Chinese(kind)),
            new(LeaderRole.Deputy, kind, ActionNames.Chinese(kind)),
        ],
    };
}

/// <summary>Which of a township's leaders a sanction concerns.</summary>
public enum LeaderRole
{
    /// <summary>主要负责人 (党委书记, 乡镇长).</summary>
    Principal,

    /// <summary>分管负责人 (the deputy in charge of poverty alleviation).</summary>
    Deputy,
}

/// <summary>One person's sanction for a strike: the kind and how the seed words it for that person.</summary>
public sealed record Sanction(LeaderRole Role, ActionKind Kind, string Description)
{
    public string RoleName => Role == LeaderRole.Principal ? "主要负责人" : "分管负责人";
}
