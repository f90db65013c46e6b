using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Leads;

namespace RectifyFlows.Functions.Leads;

/// <summary>
/// The daily overdue-lead check at 09:00 China time (01:00 UTC; Flex Consumption ignores WEBSITE_TIME_ZONE). Reminders
/// are keyed by lead and day, so a past-due fire on start sends nothing twice.
/// </summary>
public sealed class LeadReminderTimerFunction(LeadReminders reminders)
{
    public const string ScheduleUtc = "0 0 1 * * *";

    [Function("LeadOverdueReminders")]
    public Task RunAsync([TimerTrigger(ScheduleUtc)] TimerInfo timer, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return reminders.RemindOverdueAsync(function.CancellationToken);
    }
}
