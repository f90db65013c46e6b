using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using RectifyFlows.Workflows;

namespace RectifyFlows.Host.Durable;

/// <summary>Wires the standalone engine, the durable worker with every RectifyFlows task, and the durable client.</summary>
public static class DurableComposition
{
    public static WebApplicationBuilder AddStandaloneDurableEngine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (configured, channel) = AddEngineAndClient(builder, dispatch: true);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registry => registry.AddRectifyFlowsTasks());
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = configured.MaxConcurrentActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = configured.MaxConcurrentOrchestrations;
            });
        });
        return builder;
    }

    /// <summary>
    /// The engine and a client without a worker, for verbs (doctor, purge): the sidecar starts dispatching only when a
    /// worker connects, so a verb next to a running host takes no partition leases and runs no orchestration.
    /// </summary>
    public static IHostApplicationBuilder AddStandaloneDurableClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddEngineAndClient(builder, dispatch: false);
        return builder;
    }

    private static (DurableEngineOptions Configured, GrpcChannel Channel) AddEngineAndClient(IHostApplicationBuilder builder, bool dispatch)
    {
        builder.Services.AddSingleton(new StandaloneEngineMode(dispatch));
        builder.Services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var configured = builder.Configuration.GetSection(DurableEngineOptions.SectionName).Get<DurableEngineOptions>() ?? new DurableEngineOptions();
        var address = new DurableSidecarAddress(configured.SidecarPort);
        builder.Services.AddSingleton(address);
        var channel = GrpcChannel.ForAddress(address.Uri);
        builder.Services.AddSingleton(channel);

        // Order matters: the engine (a hosted service) must start before the worker connects, and stop after it.
        builder.Services.AddHostedService<StandaloneDurableEngine>();
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.AddDurableClientServices();
        return (configured, channel);
    }

    /// <summary>The task hub this host's engine uses (the doctor reads its tables).</summary>
    public static string TaskHubName(IConfiguration configuration) =>
        configuration.GetSection(DurableEngineOptions.SectionName).Get<DurableEngineOptions>()?.TaskHubName ?? new DurableEngineOptions().TaskHubName;
}
