using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Storage;

namespace RectifyFlows.Operations.Tests;

/// <summary>
/// The base of the operations tests: stores (the storage and operations services over the tables of a fresh prefix on
/// the test Azurite, tables created) that a test creates as it needs them, deleted after it, also when it fails.
/// </summary>
public abstract class OperationsStoreTests
{
    private readonly List<ServiceProvider> _stores = [];

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Cancelled when the test times out.</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>A new store on tables of its own.</summary>
    protected async Task<ServiceProvider> CreateStoreAsync()
    {
        var prefix = LedgerFixture.NewPrefix();
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
        _stores.Add(provider);
        await provider.GetRequiredService<ProductTables>().CreateIfNotExistsAsync(CancellationToken.None);
        return provider;
    }

    [TestCleanup]
    public async Task DeleteStoresAsync()
    {
        foreach (var store in _stores)
        {
            foreach (var table in store.GetRequiredService<ProductTables>().All)
            {
                await table.DeleteAsync();
            }

            await store.DisposeAsync();
        }

        _stores.Clear();
    }
}
