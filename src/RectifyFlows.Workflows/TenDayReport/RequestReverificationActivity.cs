using RectifyFlows.Domain.Measures;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Workflows.TenDayReport;

/// <summary>
/// Long-term measures are never signed off; each period the lead unit of one whose review date has come (or that was
/// never verified and is past its first horizon) is asked to submit fresh evidence. One request per measure and period.
/// </summary>
public sealed class RequestReverificationActivity(
    OfficeDirectory offices, MeasureRepository measures, RecipientDirectory recipients, INotificationPort notifications, MessageLinks links)
    : WorkflowActivity<OfficePeriod, int>
{
    protected override async Task<int> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var (_, last) = CyclePeriods.Range(CycleKind.TenDay, input.Period) ?? throw new ArgumentException($"'{input.Period}' is not a ten-day period.", nameof(input));
        var messages = new List<OutboxMessage>();
        foreach (var planId in (await offices.GetAsync(input.OfficeId, ct))?.PlanIds ?? [])
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, ct))
            {
                if (measure.Kind == MeasureKind.LongTerm && measure.Status != MeasureStatus.EvidenceSubmitted && measure.EffectiveDueDate <= last)
                {
                    // Every lead unit reports the period's effect (a measure of plan format 2 may have several).
                    var request = NotificationTemplates.ReverificationOf(measure.Id, measure.Text, measure.EffectiveDueDate, links.Measure(measure.Id));
                    foreach (var lead in measure.LeadUnitIds)
                    {
                        messages.Add(await recipients.ToUnitAsync(lead, MessageKeys.Reverification(input.Period, measure.Id), request, ct));
                    }
                }
            }
        }

        return await notifications.EnqueueAsync(messages, ct);
    }
}
