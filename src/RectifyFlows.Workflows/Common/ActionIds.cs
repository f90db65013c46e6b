using System.Globalization;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Evaluation;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// The ids of the accountability actions the workflows open, built in one place. Deterministic, so opening the same
/// action twice (a retried activity, a second office) is a no-op; stored and shown in the API, so
/// <c>ActionIdsTests</c> pins each format to the byte.
/// </summary>
public static class ActionIds
{
    /// <summary>A monthly cycle's action: <c>monthly-2017-03-callin-tw-a</c>, with <c>-{person}</c> when it names one.</summary>
    public static string Monthly(string month, ActionKind kind, string unitId, string? personId) =>
        $"monthly-{month}-{Lower(kind)}-{unitId}" + (personId is null ? string.Empty : $"-{personId}");

    /// <summary>A weekly call-in: <c>weekly-2017-w14-callin-tw-a</c>.</summary>
    public static string WeeklyCallIn(string week, string unitId) => $"weekly-{week.ToLowerInvariant()}-callin-{unitId}";

    /// <summary>A quarterly sanction of one leader: <c>quarterly-2017-q1-writtenselfcriticism-tw-a-principal</c>.</summary>
    public static string QuarterlySanction(string quarter, ActionKind kind, string unitId, LeaderRole role) =>
        $"quarterly-{quarter.ToLowerInvariant()}-{Lower(kind)}-{unitId}-{role.ToString().ToLowerInvariant()}";

    /// <summary>The supervision order level 3 of the ladder opens for an overdue measure: <c>esc-p1-m1-20170331</c>.</summary>
    public static string EscalationOrder(string measureId, DateOnly dueDate) =>
        string.Create(CultureInfo.InvariantCulture, $"esc-{measureId}-{dueDate:yyyyMMdd}");

    private static string Lower(ActionKind kind) => kind.ToString().ToLowerInvariant();
}
