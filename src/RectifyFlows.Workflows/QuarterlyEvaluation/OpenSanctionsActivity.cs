using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>Opens each strike's sanction for the township's principal and deputy, notifies them, and starts its ladder.</summary>
public sealed class OpenSanctionsActivity(
    ActionRepository actions,
    EscalationStarter escalations,
    RecipientDirectory recipients,
    INotificationPort notifications,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : TaskActivity<QuarterlyStep, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, QuarterlyStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var source = CyclePeriods.InstanceId(CycleKind.Quarterly, input.Quarter);
        var messages = new List<OutboxMessage>();
        foreach (var strike in input.Strikes.Where(s => s.Sanction is not null))
        {
            var kind = strike.Sanction!.Value;
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{input.Quarter}季度评价得分{strike.Score:0.00}分（低于{options.Value.StrikeThreshold}分）且排名倒数，连续第{strike.Consecutive}次");
            var action = new AccountabilityAction
            {
                Id = $"quarterly-{input.Quarter.ToLowerInvariant()}-{kind.ToString().ToLowerInvariant()}-{strike.UnitId}",
                UnitId = strike.UnitId,
                Kind = kind,
                Reason = reason,
                Source = source,
                DueDate = ChinaTime.Today(time).AddDays(options.Value.ActionDueDays),
                OpenedAt = time.GetUtcNow(),
            };
            await escalations.OpenWithLadderAsync(actions, action, ct);
            messages.Add(await recipients.ToUnitAsync(strike.UnitId, $"quarterly|{input.Quarter}|strike",
                NotificationTemplates.StrikeOf(strike.Name, reason, ActionNames.Chinese(kind)), ct));
        }

        await notifications.EnqueueAsync(messages, ct);
        return (await actions.ListAsync(null, null, null, source, ct)).Count;
    }
}
