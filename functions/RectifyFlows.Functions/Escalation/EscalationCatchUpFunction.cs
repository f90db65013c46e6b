using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Escalation;

/// <summary>
/// The standalone host's start-up catch-up of deadline ladders (<see cref="EscalationCatchUp"/>), on a timer: a
/// Functions app has no start of its own to hook (instances come and go with scale), and the durable client exists
/// only per invocation. Schedule from the app setting <see cref="ScheduleSetting"/> (hourly at :35 UTC in infra/).
/// </summary>
public static class EscalationCatchUpFunction
{
    public const string ScheduleSetting = "EscalationCatchUpSchedule";

    [Function(nameof(PeriodicJobs.EscalationCatchUp))]
    public static Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var catchUp = ActivatorUtilities.CreateInstance<EscalationCatchUp>(function.InstanceServices, BoundClient.Create<EscalationStarter>(function, client));
        return catchUp.RunAsync(function.CancellationToken);
    }
}
