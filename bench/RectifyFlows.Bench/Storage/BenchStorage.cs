using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.DevServices;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Bench.Storage;

/// <summary>
/// The storage services over tables of a fresh random prefix, built the way the tests' LedgerFixture builds them;
/// on an Azurite this process starts unless <see cref="BenchOptions.StorageVariable"/> names one. Disposing deletes
/// the tables and stops that Azurite.
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly AzuriteServer? _azurite;

    private BenchStorage(ServiceProvider services, string prefix, AzuriteServer? azurite, string description, string connectionString)
    {
        Services = services;
        Prefix = prefix;
        _azurite = azurite;
        Description = description;
        ConnectionString = connectionString;
    }

    /// <summary>For hosts the benchmark builds on the same storage; never printed (it may hold an account key).</summary>
    public string ConnectionString { get; }

    /// <summary>True when this process started the Azurite (in memory: everything in it goes when it stops).</summary>
    public bool IsOwnEmulator => _azurite is not null;

    public ServiceProvider Services { get; }

    public string Prefix { get; }

    /// <summary>What the numbers were measured against, for the report's header.</summary>
    public string Description { get; }

    public LedgerTables Tables => Services.GetRequiredService<LedgerTables>();

    /// <summary>Every table the application uses (the ledger's and the cycles'): created, counted and deleted.</summary>
    public IEnumerable<TableClient> AllTables => Services.GetRequiredService<StorageSchema>().All;

    /// <summary>CPU time the Azurite this process started has used so far; null for storage given by the environment.</summary>
    public TimeSpan? EmulatorCpuTime()
    {
        if (_azurite is null)
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(_azurite.ProcessId);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BenchStorage> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        AzuriteServer? azurite = null;
        string connectionString;
        string description;
        var configured = Environment.GetEnvironmentVariable(BenchOptions.StorageVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            connectionString = configured;
            description = $"storage from {BenchOptions.StorageVariable}";
            Progress.Write($"Using the storage in {BenchOptions.StorageVariable}.");
        }
        else
        {
            var project = NodeProject.Locate(null, repositoryRoot);
            await project.EnsureInstalledAsync(Progress.Write, cancellationToken);
            azurite = await AzuriteServer.StartAsync(project, 0, 0, 0, location: null, cancellationToken);
            connectionString = azurite.ConnectionString;
            description = "Azurite in-memory on loopback; not Azure Storage";
            Progress.Write($"Azurite (in memory) started, pid {azurite.ProcessId}, table port {azurite.TablePort}.");
        }

        // A letter then 12 hex digits: valid under StorageOptions' prefix rule and unique per run.
        var prefix = "b" + Guid.NewGuid().ToString("N")[..12];
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.Configure<StorageOptions>(options =>
        {
            options.ConnectionString = connectionString;
            options.TablePrefix = prefix;
        });
        services.AddRectifyFlowsStorageServices();
        var provider = services.BuildServiceProvider();
        if (azurite is null)
        {
            // The endpoint only: the connection string may hold an account key.
            description += $" ({provider.GetRequiredService<LedgerTables>().Service.Uri.GetLeftPart(UriPartial.Authority)})";
        }

        var storage = new BenchStorage(provider, prefix, azurite, description, connectionString);
        try
        {
            await storage.Services.GetRequiredService<StorageSchema>().CreateIfNotExistsAsync(cancellationToken);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }

        Progress.Write($"Tables created with prefix {prefix}.");
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        // Cleanup gets its own deadline: it must run even when the run itself was cancelled.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            foreach (var table in AllTables)
            {
                await table.DeleteAsync(timeout.Token);
            }

            Progress.Write($"Tables with prefix {Prefix} deleted.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            Progress.Write($"Could not delete the tables with prefix {Prefix}: {ex.Message}");
        }

        await Services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            Progress.Write("Azurite stopped.");
        }
    }
}
