using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;
using RectifyFlows.Operations.Telemetry;

namespace RectifyFlows.Functions.Operations;

/// <summary>
/// The periodic operations of the Functions app, the same shared passes the standalone host schedules
/// (docs/operations.md): the doctor hourly, retention daily at 02:00 China time (18:00 UTC; Flex Consumption ignores
/// WEBSITE_TIME_ZONE). Both need the durable client, which Functions hands out per invocation.
/// </summary>
public sealed class OperationsTimerFunctions(IServiceProvider services, TimeProvider time)
{
    public const string DoctorScheduleUtc = "0 5 * * * *";
    public const string RetentionScheduleUtc = "0 0 18 * * *";

    [Function("WorkflowDoctor")]
    public async Task DoctorAsync([TimerTrigger(DoctorScheduleUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        await services.GetRequiredService<OutboxGaugeSampler>().SampleAsync(function.CancellationToken);
        await BoundClient.Create<WorkflowDoctor>(function, client).RunAsync(repair: true, function.CancellationToken);
    }

    [Function("StoreRetention")]
    public Task RetentionAsync([TimerTrigger(RetentionScheduleUtc)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return BoundClient.Create<RetentionService>(function, client).PurgeAsync(time.GetUtcNow(), "schedule", function.CancellationToken);
    }
}
