using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Api.Actions;

/// <summary>An accountability action as the API shows it: the stored action with its kind's Chinese name.</summary>
public sealed record ActionResponse(
    string Id,
    string UnitId,
    string? PersonId,
    ActionKind Kind,
    string KindName,
    string Reason,
    string Source,
    DateOnly DueDate,
    DateTimeOffset OpenedAt,
    string Status,
    ActionCompletion? Completion,
    IReadOnlyList<ActionHistoryEntry> History)
{
    public static ActionResponse From(AccountabilityAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new(action.Id, action.UnitId, action.PersonId, action.Kind, ActionNames.Chinese(action.Kind), action.Reason,
            action.Source, action.DueDate, action.OpenedAt, action.Status, action.Completion, action.History);
    }
}
