namespace RectifyFlows.Domain.Actions;

/// <summary>
/// The one change an action has after it is opened: reported carried out, with its proof. Done is final; a wrong
/// report is corrected by the office opening a new action, not by reopening this one, so the ladder and the reports
/// that counted it done stay true.
/// </summary>
public static class ActionLifecycle
{
    public const string CompleteChange = "complete";

    public static AccountabilityAction Complete(AccountabilityAction action, ActionCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(completion);
        if (action.Status != ActionStatuses.Open)
        {
            throw new ActionTransitionException(action.Id, action.Status, CompleteChange,
                "该问责事项已办结，不能重复报送；如需补充材料，请联系区整改办。");
        }

        return action with
        {
            Status = ActionStatuses.Done,
            Completion = completion,
            History = [.. action.History, new ActionHistoryEntry(CompleteChange, completion.ReportedBy, completion.ReportedAt,
                action.Status, ActionStatuses.Done, completion.Note)],
        };
    }
}
