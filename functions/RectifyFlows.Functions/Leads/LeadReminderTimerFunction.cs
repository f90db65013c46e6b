using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Leads;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Leads;

/// <summary>
/// The overdue-lead check on the schedule of the app setting <see cref="ScheduleSetting"/> (daily at 09:00 China time,
/// written 01:00 UTC in infra/: Flex Consumption fires timers in UTC, ADR 0014). Reminders are keyed by lead and day, so
/// a past-due fire on start sends nothing twice.
/// </summary>
public sealed class LeadReminderTimerFunction(LeadReminders reminders)
{
    public const string ScheduleSetting = "LeadReminderSchedule";

    [Function(nameof(PeriodicJobs.LeadOverdueReminders))]
    public Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return reminders.RemindOverdueAsync(function.CancellationToken);
    }
}
