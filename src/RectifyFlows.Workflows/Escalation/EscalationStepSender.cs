using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// Sends one ladder step of one item, after checking the item is still open on the same due date: reminders and level 1 go to
/// every lead unit and every responsible unit (a group such as 各村支部 as its units stored now), levels 2 and 3 to every
/// lead unit and the district office, level 2 also to the leading official; level 3 opens one supervision order (督办), for
/// the first-named lead unit. Messages and the action have deterministic keys: a retried activity
/// writes nothing twice. Used by the ladder of one item and, item by item, by a shared ladder.
/// </summary>
public sealed partial class EscalationStepSender(
    MeasureRepository measures,
    ActionRepository actions,
    UnitRepository units,
    RecipientDirectory recipients,
    UnitGroupResolver groups,
    INotificationPort notifications,
    IOptions<WorkflowOptions> options,
    TimeProvider time,
    MessageLinks links,
    ILogger<EscalationStepSender> logger)
{
    /// <summary>A level-3 step run this long after it was due is a catch-up, not the ladder reaching it on time.</summary>
    public static readonly TimeSpan CatchUpAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// Sends the step unless the item closed or its due date moved. <paramref name="escalations"/> starts the ladder of
    /// the supervision order a measure's level 3 opens (an activity's starter: Functions binds its client per call).
    /// </summary>
    public async Task<EscalationStepResult> SendAsync(EscalationStepRequest input, EscalationStarter escalations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(escalations);
        var due = await LoadEscalationItemActivity.CurrentDueDateAsync(measures, actions, input.Item, ct);
        if (due is null)
        {
            return new(EscalationStepResult.Closed);
        }

        if (due != input.DueDate)
        {
            return new(EscalationStepResult.DueDateChanged);
        }

        var (title, leadUnits, otherUnits, officialId, districtId) = await DescribeAsync(input.Item, ct);
        var leadUnit = leadUnits.Count > 0 ? leadUnits[0] : null;
        var step = input.Step;
        var daysOverdue = Math.Max(0, ChinaTime.Today(time).DayNumber - input.DueDate.DayNumber);
        var key = MessageKeys.EscalationStep(input.Item.Kind, input.Item.Id, input.DueDate, step.Name);
        var district = districtId is null ? null : await units.GetAsync(districtId, ct);
        var official = officialId is null ? null : district?.Officials.FirstOrDefault(o => o.Id == officialId);
        var fields = new NotificationFields
        {
            Measure = title,
            Unit = leadUnits.Count == 0 ? null : string.Join("、", await UnitNamesAsync(leadUnits, ct)),
            Official = official is null ? null : official.Name is null ? official.Role : $"{official.Role}（{official.Name}）",
            DueDate = input.DueDate,
            DaysOverdue = step.OffsetDays >= 0 ? daysOverdue : null,
            DaysLeft = step.OffsetDays < 0 ? -step.OffsetDays : null,
            Link = input.Item.Kind == ItemRef.MeasureKind ? links.Measure(input.Item.Id) : links.UnitActions(leadUnit),
        };
        var content = Compose(step, fields);
        if (step.Name == EscalationStep.Level3 && time.GetUtcNow() - step.FireAt > CatchUpAfter)
        {
            // Past its last step already when its ladder started (a plan imported long after its deadlines): one of
            // many at once, so by mail it joins the recipient's daily digest instead of going out alone.
            content = content with { Digestible = true };
        }

        IReadOnlyList<string?> recipientIds = step.Name switch
        {
            EscalationStep.Level3 or EscalationStep.Level2 => [.. leadUnits, districtId],
            _ => [.. leadUnits, .. otherUnits],
        };
        var messages = new List<OutboxMessage>();
        foreach (var unitId in recipientIds.Where(u => u is not null).Distinct(StringComparer.Ordinal))
        {
            messages.Add(await recipients.ToUnitAsync(unitId!, key, content, ct));
        }

        if (step.Name == EscalationStep.Level2 && official is not null)
        {
            messages.Add(recipients.ToPerson(official.Id, official.Name ?? official.Role, official.Contact, key,
                NotificationTemplates.EscalationToOfficial(official.Role, fields)));
        }

        // Composing reads a dozen rows; evidence or a new due date may have landed meanwhile. Look once more, so the
        // window in which a step can still go out after the item closed is as short as the storage round trip.
        if (await LoadEscalationItemActivity.CurrentDueDateAsync(measures, actions, input.Item, ct) != input.DueDate)
        {
            return new(EscalationStepResult.DueDateChanged);
        }

        string? opened = null;
        if (step.Name == EscalationStep.Level3 && input.Item.Kind == ItemRef.MeasureKind && leadUnit is not null)
        {
            var action = new AccountabilityAction
            {
                Id = ActionIds.EscalationOrder(input.Item.Id, input.DueDate),
                UnitId = leadUnit,
                Kind = ActionKind.SupervisionOrder,
                Reason = $"整改措施逾期{daysOverdue}天未完成：{title}",
                Source = input.Item.EscalationInstanceId,
                DueDate = ChinaTime.Today(time).AddDays(options.Value.ActionDueDays),
                OpenedAt = time.GetUtcNow(),
            };
            if (await escalations.OpenWithLadderAsync(actions, action, ct))
            {
                opened = action.Id;
                LogActionOpened(action.Id, leadUnit, input.Item.Id);
            }
        }

        var written = await notifications.EnqueueAsync(messages, ct);
        LogStep(input.Item.Kind, input.Item.Id, step.Name, written);
        return new(EscalationStepResult.Sent, written, opened);
    }

    private static NotificationContent Compose(EscalationStep step, NotificationFields fields) => step.Name switch
    {
        EscalationStep.Level1 => NotificationTemplates.EscalationOf(1, fields),
        EscalationStep.Level2 => NotificationTemplates.EscalationOf(2, fields),
        EscalationStep.Level3 => NotificationTemplates.EscalationOf(3, fields),
        _ => NotificationTemplates.ReminderOf(fields),
    };

    /// <summary>
    /// The item's title, its lead units (first-named first), the other units it names with groups expanded, its leading
    /// official and district. Groups are expanded here, when the message fans out, so a village added after the plan was
    /// imported hears too (plan format 2, <c>groupOf</c>).
    /// </summary>
    private async Task<(string Title, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> Others, string? OfficialId, string? DistrictId)> DescribeAsync(
        ItemRef item, CancellationToken ct)
    {
        if (item.Kind == ItemRef.MeasureKind && await measures.GetAsync(item.Id, ct) is { } measure)
        {
            var district = (await units.GetProfileAsync(measure.LeadUnitId, ct))?.DistrictId;
            var others = await groups.ExpandAsync(measure.ResponsibleUnitIds.Except(measure.LeadUnitIds, StringComparer.Ordinal), ct);
            return ($"措施{measure.Id}：{measure.Text}", measure.LeadUnitIds,
                [.. others.Except(measure.LeadUnitIds, StringComparer.Ordinal)], measure.LeadOfficialId, district);
        }

        var action = await actions.GetAsync(item.UnitId ?? string.Empty, item.Id, ct);
        var unitDistrict = action is null ? null : (await units.GetProfileAsync(action.UnitId, ct))?.DistrictId;
        return action is null
            ? (item.Id, item.UnitId is null ? [] : [item.UnitId], [], null, null)
            : ($"{ActionNames.Chinese(action.Kind)}（{action.Reason}）", [action.UnitId], [], null, unitDistrict);
    }

    private async Task<IReadOnlyList<string>> UnitNamesAsync(IReadOnlyList<string> unitIds, CancellationToken ct)
    {
        var names = new List<string>(unitIds.Count);
        foreach (var unitId in unitIds)
        {
            names.Add((await recipients.UnitAsync(unitId, ct))?.Name ?? unitId);
        }

        return names;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation {ItemKind} {ItemId} step {Step}: {Written} new message(s)")]
    private partial void LogStep(string itemKind, string itemId, string step, int written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened supervision order {ActionId} for unit {UnitId} (measure {MeasureId})")]
    private partial void LogActionOpened(string actionId, string unitId, string measureId);
}
