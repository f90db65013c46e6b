using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Strikes;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Storage;

/// <summary>Registers the Table Storage ledger.</summary>
public static class DependencyInjection
{
    public static IHostApplicationBuilder AddRectifyFlowsStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRectifyFlowsStorageServices();
        return builder;
    }

    /// <summary>The services alone, for hosts that configure <see cref="StorageOptions"/> themselves (tests, benchmarks).</summary>
    public static IServiceCollection AddRectifyFlowsStorageServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton(provider => CreateServiceClient(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton<LedgerTables>();
        services.AddSingleton<MeasureProjector>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<UnitRepository>();
        services.AddSingleton<UnitGroupResolver>();
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<StorageHealthProbe>();
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<FeatureTables>();
        services.AddSingleton<StorageSchema>();
        services.AddSingleton<PlanDirectoryRepository>();
        services.AddSingleton<StrikeRepository>();
        services.AddSingleton<Inspections.InspectionResultRepository>();
        services.AddSingleton<Actions.ActionRepository>();
        services.AddSingleton<Projects.ProjectRepository>();
        services.AddSingleton<Reports.ReportRepository>();
        services.AddSingleton<Webhooks.WebhookEventRepository>();
        services.AddSingleton<Leads.LeadRepository>();
        services.AddSingleton<Attendance.AttendanceRepository>();
        services.AddSingleton<Reports.ReportSignoffRepository>();
        services.AddSingleton<Operations.OperationsLog>();
        return services;
    }

    public static TableServiceClient CreateServiceClient(StorageOptions options, StorageRequestCounter counter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        clientOptions.Retry.MaxRetries = 5;
        return options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }
}
