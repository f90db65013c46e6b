using Microsoft.DurableTask;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Notifications;
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
                    messages.Add(await recipients.ToUnitAsync(measure.LeadUnitId, "reverification", $"tenday|{input}|reverify|{measure.Id}",
                        $"【长期整改复核】{measure.Id}",
                        $"长期整改措施{measure.Id}「{measure.Text}」复核时间已到（{measure.EffectiveDueDate:yyyy-MM-dd}），请报送本期整改成效，经审核后确定下次复核时间。", ct));
                }
            }
        }

        return await notifications.EnqueueAsync(messages, ct);
    }
}
