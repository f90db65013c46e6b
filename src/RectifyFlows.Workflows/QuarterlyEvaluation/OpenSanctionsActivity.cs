using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// Opens each strike's sanctions, one action per person as the report distinguishes them (the principal and the
/// deputy in charge; on the second strike the principal is managed as a deputy-section-level cadre and the deputy as a
/// non-leading cadre), each naming the person when the plan registers the township's officials; notifies the
/// township and starts each action's ladder.
/// </summary>
public sealed class OpenSanctionsActivity(
    ActionRepository actions,
    EscalationStarter escalations,
    RecipientDirectory recipients,
    UnitRepository units,
    INotificationPort notifications,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : WorkflowActivity<QuarterlyStep, int>
{
    protected override async Task<int> ExecuteAsync(QuarterlyStep input, CancellationToken ct)
    {
        var source = input.Source;
        var messages = new List<OutboxMessage>();
        var sanctions = new List<AccountabilityAction>();
        foreach (var strike in input.Strikes.Where(s => s.Sanction is not null))
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{input.Quarter}季度评价得分{strike.Score:0.00}分（低于{options.Value.StrikeThreshold}分）且排名倒数，连续第{strike.Consecutive}个季度");
            var officials = (await units.GetAsync(strike.UnitId, ct))?.Officials ?? [];
            foreach (var sanction in StrikeLadder.Sanctions(strike.Consecutive))
            {
                var person = TownshipLeaders.Find(officials, sanction.Role);
                var action = new AccountabilityAction
                {
                    Id = ActionIds.QuarterlySanction(input.Quarter, sanction.Kind, strike.UnitId, sanction.Role),
                    UnitId = strike.UnitId,
                    PersonId = person?.Id,
                    Kind = sanction.Kind,
                    Reason = $"{reason}：{TownshipLeaders.Describe(person, sanction)}{sanction.Description}",
                    Source = source,
                    DueDate = ChinaTime.Today(time).AddDays(options.Value.ActionDueDays),
                    OpenedAt = time.GetUtcNow(),
                };
                sanctions.Add(action);
            }

            messages.Add(await recipients.ToUnitAsync(strike.UnitId, MessageKeys.QuarterlyStrike(input.Quarter, input.OfficeId),
                NotificationTemplates.StrikeOf(strike.Name, reason, SanctionText(strike.Consecutive)), ct));
        }

        // Opened before anyone is told of them; one ladder for the quarter's sanctions of this office.
        await escalations.OpenWithSharedLaddersAsync(actions, sanctions, ct);
        await notifications.EnqueueAsync(messages, ct);
        return (await actions.ListBySourceAsync(source, input.Strikes.Where(s => s.Sanction is not null).Select(s => s.UnitId), ct)).Count;
    }

    /// <summary>What the principal and the deputy get, in one phrase for the township's notification and the report.</summary>
    public static string SanctionText(int consecutive) => StrikeLadder.Sanctions(consecutive) switch
    {
        [] => string.Empty,
        [var principal, var deputy] when principal.Description != deputy.Description =>
            $"分别{principal.Description}、{deputy.Description[1..]}",
        [var first, ..] => first.Description,
    };
}
