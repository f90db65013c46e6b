using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Operations.Backup;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Telemetry;

namespace RectifyFlows.Operations;

/// <summary>Registers the operations services. The doctor and retention take a durable client: the standalone host resolves them from DI, the Functions app builds them per invocation over its bound client.</summary>
public static class DependencyInjection
{
    /// <param name="builder">The host builder (storage must be registered too).</param>
    /// <param name="taskHubName">The durable task hub whose tables the doctor reads and sizes counts.</param>
    /// <param name="taskHubTables">
    /// The table service that holds the task hub. Null: the ledger's own (the standalone host keeps both in one store).
    /// The Functions app passes the account of its durable connection, which may be another one.
    /// </param>
    public static IHostApplicationBuilder AddRectifyFlowsOperations(
        this IHostApplicationBuilder builder, string taskHubName, Func<IServiceProvider, TableServiceClient>? taskHubTables = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(OperationsOptions.SectionName + ":Retention").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRectifyFlowsOperationsServices(taskHubName, taskHubTables);
        return builder;
    }

    public static IServiceCollection AddRectifyFlowsOperationsServices(
        this IServiceCollection services, string taskHubName, Func<IServiceProvider, TableServiceClient>? taskHubTables = null)
    {
        services.TryAddSingleton<OutboxRepository>();
        services.AddSingleton(provider => new TaskHubStore(
            taskHubTables?.Invoke(provider) ?? provider.GetRequiredService<TableServiceClient>(), taskHubName));
        services.AddSingleton<OpenItems>();
        services.AddSingleton<ProductTables>();
        services.AddSingleton<StoreSizes>();
        services.AddSingleton<StoreBackup>();
        services.AddSingleton<OutboxGaugeSampler>();
        return services;
    }
}
