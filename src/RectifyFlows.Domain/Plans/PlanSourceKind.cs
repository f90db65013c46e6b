namespace RectifyFlows.Domain.Plans;

/// <summary>
/// What the plan answers: the kind of review whose findings it rectifies. Report headers name it in Chinese
/// (<see cref="PlanSourceKinds.DisplayName"/>); format 1 files are all answers to an inspection tour.
/// </summary>
public enum PlanSourceKind
{
    /// <summary>巡视: a provincial (or central) committee's inspection tour.</summary>
    Inspection,

    /// <summary>巡察: a city or county committee's inspection tour.</summary>
    Patrol,

    /// <summary>成效考核: an effectiveness assessment (e.g. the province's poverty-alleviation assessment).</summary>
    EffectivenessAssessment,

    /// <summary>审计: an audit.</summary>
    Audit,

    /// <summary>督查: a supervision check.</summary>
    Supervision,
}

/// <summary>Chinese names of <see cref="PlanSourceKind"/> for reports and pages.</summary>
public static class PlanSourceKinds
{
    /// <summary>巡视, 巡察, 成效考核, 审计 or 督查.</summary>
    public static string DisplayName(this PlanSourceKind kind) => kind switch
    {
        PlanSourceKind.Inspection => "巡视",
        PlanSourceKind.Patrol => "巡察",
        PlanSourceKind.EffectivenessAssessment => "成效考核",
        PlanSourceKind.Audit => "审计",
        PlanSourceKind.Supervision => "督查",
        _ => kind.ToString(),
    };

    /// <summary>Parses a stored or file value (the enum name, any case); null when it is none of them.</summary>
    public static PlanSourceKind? Parse(string? value) =>
        Enum.GetNames<PlanSourceKind>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<PlanSourceKind>(name)
            : null;
}
