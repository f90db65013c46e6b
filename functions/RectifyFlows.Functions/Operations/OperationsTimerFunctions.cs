using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;
using RectifyFlows.Operations.Telemetry;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Operations;

/// <summary>
/// The periodic operations of the Functions app, the same shared passes the standalone host schedules
/// (docs/operations.md), on the schedules of the app settings <see cref="DoctorScheduleSetting"/> (hourly at :05 in
/// infra/) and <see cref="RetentionScheduleSetting"/> (daily at 02:00 China time, written 18:00 UTC: Flex Consumption
/// fires timers in UTC, ADR 0014). Both need the durable client, which Functions hands out per invocation.
/// </summary>
public sealed class OperationsTimerFunctions(IServiceProvider services, TimeProvider time)
{
    public const string DoctorScheduleSetting = "WorkflowDoctorSchedule";
    public const string RetentionScheduleSetting = "StoreRetentionSchedule";

    [Function(nameof(PeriodicJobs.WorkflowDoctor))]
    public async Task DoctorAsync([TimerTrigger("%" + DoctorScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        await services.GetRequiredService<OutboxGaugeSampler>().SampleAsync(function.CancellationToken);
        await BoundClient.Create<WorkflowDoctor>(function, client).RunAsync(repair: true, function.CancellationToken);
    }

    [Function(nameof(PeriodicJobs.StoreRetention))]
    public Task RetentionAsync([TimerTrigger("%" + RetentionScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return BoundClient.Create<RetentionService>(function, client).PurgeAsync(time.GetUtcNow(), "schedule", function.CancellationToken);
    }
}
