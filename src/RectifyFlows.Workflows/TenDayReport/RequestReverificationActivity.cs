using Microsoft.DurableTask;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Workflows.TenDayReport;

/// <summary>
/// Long-term measures are never signed off; each period the lead unit of one whose review date has come (or that was
/// never verified and is past its first horizon) is asked to submit fresh evidence. One request per measure and period.
/// </summary>
public sealed class RequestReverificationActivity(
    PlanDirectoryRepository plans, MeasureRepository measures, RecipientDirectory recipients, INotificationPort notifications)
    : TaskActivity<string, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        var ct = CancellationToken.None;
        var (_, last) = CyclePeriods.Range(CycleKind.TenDay, input) ?? throw new ArgumentException($"'{input}' is not a ten-day period.", nameof(input));
        var messages = new List<OutboxMessage>();
        foreach (var (planId, _) in await plans.ListAsync(ct))
        {
            await foreach (var measure in measures.ListByPlanAsync(planId, ct))
            {
                if (measure.Kind == MeasureKind.LongTerm && measure.Status != MeasureStatus.EvidenceSubmitted && measure.EffectiveDueDate <= last)
                {
                    messages.Add(await recipients.ToUnitAsync(measure.LeadUnitId, $"tenday|{input}|reverify|{measure.Id}",
                        NotificationTemplates.ReverificationOf(measure.Id, measure.Text, measure.EffectiveDueDate, $"/api/measures/{measure.Id}"), ct));
                }
            }
        }

        return await notifications.EnqueueAsync(messages, ct);
    }
}
