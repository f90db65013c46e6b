using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.WeeklyDispatch;

/// <summary>Opens a call-in (约谈) of the principal leaders of each bottom township, notifies it; the week's call-ins share one ladder.</summary>
public sealed class OpenCallInsActivity(
    ActionRepository actions,
    EscalationStarter escalations,
    RecipientDirectory recipients,
    INotificationPort notifications,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    MessageLinks links)
    : WorkflowActivity<WeeklyStep, int>
{
    protected override async Task<int> ExecuteAsync(WeeklyStep input, CancellationToken ct)
    {
        var source = input.Source;
        var due = ChinaTime.Today(time).AddDays(options.Value.CallInDueDays);
        var messages = new List<OutboxMessage>();
        var callIns = new List<AccountabilityAction>();
        foreach (var township in input.Ranking.Where(t => t.Bottom))
        {
            var action = new AccountabilityAction
            {
                Id = ActionIds.WeeklyCallIn(input.Week, township.UnitId),
                UnitId = township.UnitId,
                Kind = ActionKind.CallIn,
                Reason = $"{ReportTerms.Period(CycleKind.Weekly, input.Week)}项目推进排名第{township.Rank}位（倒数{ReportTerms.Bottom(options.Value.BottomCount)}），完成率{township.Completion}，拨付率{township.Disbursement}",
                Source = source,
                DueDate = due,
                OpenedAt = time.GetUtcNow(),
            };
            callIns.Add(action);
            messages.Add(await recipients.ToUnitAsync(township.UnitId, MessageKeys.WeeklyCallIn(input.Week, input.OfficeId),
                NotificationTemplates.CallInOf(township.Name, action.Reason, due, links.UnitActions(township.UnitId)), ct));
        }

        // Opened before anyone is told of them; one ladder for the week's call-ins of this office.
        await escalations.OpenWithSharedLaddersAsync(actions, callIns, ct);
        await notifications.EnqueueAsync(messages, ct);
        var calledIn = await actions.ListBySourceAsync(source, input.Ranking.Where(t => t.Bottom).Select(t => t.UnitId), ct);
        return calledIn.Count(a => a.Kind == ActionKind.CallIn);
    }
}
