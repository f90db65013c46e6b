using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Functions.Scheduling;

/// <summary>
/// The four schedules: each fire starts the cycle of the period it falls in under that period's deterministic instance
/// id (the standalone host's <c>CycleJob</c>), so a double fire or a manual start before it is harmless.
/// </summary>
/// <remarks>
/// The period comes from the invocation time through <see cref="CyclePeriods.ForFireTime"/> (the rule the standalone
/// host's <c>CycleSchedule.PeriodFor</c> delegates to). The timers keep the default schedule monitor, so an occurrence
/// missed while the app was stopped fires once, late, on start (<see cref="TimerInfo.IsPastDue"/>), and starts the
/// period it falls in: the missed one, or the current one if the app came back after that began (as the standalone
/// host's catch-up). One gap: a late fire between 00:00 and 09:00 CST on a fire day starts the coming period early
/// and not the missed one (start that by <c>POST /api/cycles/{kind}/{period}</c>); exact parity needs the shared
/// "last fire before now" of the schedule (the host's <c>CycleSchedule.LastFireBefore</c>) once it is in a shared project.
/// </remarks>
public sealed partial class CycleTimerFunctions(TimeProvider time, ILogger<CycleTimerFunctions> logger)
{
    [Function("MonthlyCycleSchedule")]
    public Task MonthlyAsync(
        [TimerTrigger(CycleSchedules.MonthlyUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        StartAsync(CycleKind.Monthly, timer, client, function);

    [Function("WeeklyDispatchSchedule")]
    public Task WeeklyAsync(
        [TimerTrigger(CycleSchedules.WeeklyUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        StartAsync(CycleKind.Weekly, timer, client, function);

    [Function("TenDayReportSchedule")]
    public Task TenDayAsync(
        [TimerTrigger(CycleSchedules.TenDayUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        StartAsync(CycleKind.TenDay, timer, client, function);

    [Function("QuarterlyEvaluationSchedule")]
    public Task QuarterlyAsync(
        [TimerTrigger(CycleSchedules.QuarterlyUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        StartAsync(CycleKind.Quarterly, timer, client, function);

    private async Task StartAsync(CycleKind kind, TimerInfo timer, DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var period = CyclePeriods.ForFireTime(kind, time.GetUtcNow());
        var (instanceId, created) = await BoundClient.Create<CycleStarter>(function, client).StartAsync(kind, period, function.CancellationToken);
        LogFired(kind, instanceId, created, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Kind} fired: {InstanceId} (new: {Created}, past due: {PastDue})")]
    private partial void LogFired(CycleKind kind, string instanceId, bool created, bool pastDue);
}
