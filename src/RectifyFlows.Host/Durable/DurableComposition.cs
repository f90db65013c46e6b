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
        builder.Services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var configured = builder.Configuration.GetSection(DurableEngineOptions.SectionName).Get<DurableEngineOptions>() ?? new DurableEngineOptions();
        var address = new DurableSidecarAddress(configured.SidecarPort);
        builder.Services.AddSingleton(address);
        var channel = GrpcChannel.ForAddress(address.Uri);
        builder.Services.AddSingleton(channel);

        // Order matters: the engine (a hosted service) must start before the worker connects, and stop after it.
        builder.Services.AddHostedService<StandaloneDurableEngine>();
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
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.AddDurableClientServices();
        return builder;
    }
}
