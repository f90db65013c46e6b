using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Scheduling;

/// <summary>
/// The four cycle schedules, each from its app setting (<see cref="CycleSchedules"/>). A fire runs the shared
/// <see cref="ScheduleCatchUp"/> as the standalone host's Quartz jobs do: it starts the period of every fire of the
/// schedule that passed since the last period that ran, oldest first — so a fire that comes late (the app was stopped,
/// the schedule monitor fires a missed occurrence on start, <see cref="TimerInfo.IsPastDue"/>) starts the period it
/// missed, not the one it runs in, and several missed quarters are each evaluated in order.
/// </summary>
public sealed partial class CycleTimerFunctions(TimeProvider time, IOptions<ScheduleOptions> options, ILogger<CycleTimerFunctions> logger)
{
    [Function(nameof(PeriodicJobs.MonthlyCycleSchedule))]
    public Task MonthlyAsync(
        [TimerTrigger("%" + CycleSchedules.MonthlySetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        FireAsync(CycleKind.Monthly, timer, client, function);

    [Function(nameof(PeriodicJobs.WeeklyDispatchSchedule))]
    public Task WeeklyAsync(
        [TimerTrigger("%" + CycleSchedules.WeeklySetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        FireAsync(CycleKind.Weekly, timer, client, function);

    [Function(nameof(PeriodicJobs.TenDayReportSchedule))]
    public Task TenDayAsync(
        [TimerTrigger("%" + CycleSchedules.TenDaySetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        FireAsync(CycleKind.TenDay, timer, client, function);

    [Function(nameof(PeriodicJobs.QuarterlyEvaluationSchedule))]
    public Task QuarterlyAsync(
        [TimerTrigger("%" + CycleSchedules.QuarterlySetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        FireAsync(CycleKind.Quarterly, timer, client, function);

    private async Task FireAsync(CycleKind kind, TimerInfo timer, DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(function);
        if (!options.Value.Enabled)
        {
            LogDisabled(kind);
            return;
        }

        var catchUp = ActivatorUtilities.CreateInstance<ScheduleCatchUp>(function.InstanceServices, BoundClient.Create<CycleStarter>(function, client));
        var created = await catchUp.RunAsync(kind, time.GetUtcNow(), function.CancellationToken);
        LogFired(kind, created.Count, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Kind} fired: {Created} cycle(s) started (past due: {PastDue})")]
    private partial void LogFired(CycleKind kind, int created, bool pastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Kind} fired while RectifyFlows:Schedules:Enabled is false: nothing started")]
    private partial void LogDisabled(CycleKind kind);
}
