using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Testing;

/// <summary>
/// The storage services over tables unique to one test (random prefix), created on start and deleted on dispose, so
/// tests run in parallel on one Azurite without seeing each other's rows.
/// </summary>
public sealed class LedgerFixture : IAsyncDisposable
{
    private LedgerFixture(ServiceProvider services, string prefix, string connectionString)
    {
        Services = services;
        Prefix = prefix;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }
    public string Prefix { get; }
    public string ConnectionString { get; }
    public LedgerTables Tables => Services.GetRequiredService<LedgerTables>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A fresh table prefix, valid as a Table Storage name prefix.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Services over the tables of <paramref name="prefix"/> (a new one when null), created if missing.</summary>
    public static async Task<LedgerFixture> CreateAsync(TimeProvider? time = null, string? prefix = null)
    {
        var connectionString = await TestStorage.ConnectionStringAsync();
        prefix ??= NewPrefix();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.Configure<StorageOptions>(options =>
        {
            options.ConnectionString = connectionString;
            options.TablePrefix = prefix;
        });
        services.AddRectifyFlowsStorageServices();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageSchema>().CreateIfNotExistsAsync(CancellationToken.None);
        return new LedgerFixture(provider, prefix, connectionString);
    }

    /// <summary>
    /// Every row of the ledger tables (and, when asked, the cycle tables) as "table/PK/RK/ETag": equal snapshots mean
    /// nothing was written. The cycle tables are left out by default because a running host's workflows write to them
    /// in the background (actions opened by deadline ladders) while a test checks that a refused request wrote nothing.
    /// </summary>
    public Task<IReadOnlyList<string>> SnapshotAsync(bool includeCycleTables = false) =>
        SnapshotAsync(includeCycleTables ? Services.GetRequiredService<StorageSchema>().All : Tables.All);

    /// <summary>
    /// Asserts that nothing was written since <paramref name="before"/> was taken by <see cref="SnapshotAsync(bool)"/>
    /// with the same <paramref name="includeCycleTables"/>: what every "refused and changed nothing" test checks.
    /// </summary>
    public async Task AssertUnchangedAsync(IReadOnlyList<string> before, bool includeCycleTables = false, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        CollectionAssert.AreEqual(before.ToArray(), (await SnapshotAsync(includeCycleTables)).ToArray(), message ?? "a refused request changed stored data");
    }

    /// <summary>Every row of the given tables as "table/PK/RK/ETag", sorted.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(IEnumerable<Azure.Data.Tables.TableClient> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                rows.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Services.GetRequiredService<StorageSchema>().All)
        {
            await table.DeleteAsync();
        }

        await Services.DisposeAsync();
    }
}
