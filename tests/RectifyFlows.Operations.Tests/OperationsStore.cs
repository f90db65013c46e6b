using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Storage;

namespace RectifyFlows.Operations.Tests;

/// <summary>The storage and operations services over the tables of one prefix on the test Azurite, tables created.</summary>
internal static class OperationsStore
{
    public static async Task<ServiceProvider> CreateAsync(string prefix)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var connectionString = await TestStorage.ConnectionStringAsync();
        services.Configure<StorageOptions>(o =>
        {
            o.ConnectionString = connectionString;
            o.TablePrefix = prefix;
        });
        services.AddRectifyFlowsStorageServices();
        services.AddRectifyFlowsOperationsServices("hub" + prefix);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ProductTables>().CreateIfNotExistsAsync(CancellationToken.None);
        return provider;
    }

    public static async Task DeleteAsync(ServiceProvider provider)
    {
        foreach (var table in provider.GetRequiredService<ProductTables>().All)
        {
            await table.DeleteAsync();
        }

        await provider.DisposeAsync();
    }
}
