using System.Globalization;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Host;
using RectifyFlows.Host.Durable;
using RectifyFlows.Workflows;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// The standalone host's durable side, in this process: storage, the workflows' services, the standalone engine (the
/// Durable Task Azure Storage provider behind the gRPC sidecar) and the worker with every RectifyFlows task, composed
/// with the host's own public methods; plus the benchmark's trivial tasks on the same worker. No HTTP API, schedules,
/// seed import or catch-up: the benchmark drives the cycle itself.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _started;

    private EngineHost(WebApplication app, string taskHub, IReadOnlyDictionary<string, string?> settings)
    {
        _app = app;
        TaskHub = taskHub;
        Settings = settings;
    }

    public string TaskHub { get; }

    /// <summary>The configuration the host ran with (printed in the report; holds no secret).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _app.Services;

    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    public Uri SidecarUri => _app.Services.GetRequiredService<DurableSidecarAddress>().Uri;

    public DurableEngineOptions EngineOptions => _app.Services.GetRequiredService<IOptions<DurableEngineOptions>>().Value;

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Builds the host (not started yet, so request counting can begin before the engine's first poll).</summary>
    public static EngineHost Build(string connectionString, string tablePrefix, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Letters and digits, unique per run: the provider's queues, containers and tables start with it.
        var taskHub = "bench" + Guid.NewGuid().ToString("N")[..10];
        var shown = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["RectifyFlows:Storage:TablePrefix"] = tablePrefix,
            ["RectifyFlows:Durable:TaskHubName"] = taskHub,
            ["RectifyFlows:Durable:WorkerId"] = "bench",
            ["RectifyFlows:Durable:MaxQueuePollingInterval"] = "00:00:01",
            ["RectifyFlows:DevServices:Enabled"] = "false",
            ["RectifyFlows:Schedules:Enabled"] = "false",
            ["RectifyFlows:Seed:Enabled"] = "false",
            ["RectifyFlows:Workflows:InspectionWindow"] = TimeSpan.FromMinutes(options.WindowMinutes).ToString("c", CultureInfo.InvariantCulture),
        };
        if (options.EngineConcurrency is { } concurrency)
        {
            shown["RectifyFlows:Durable:MaxConcurrentActivities"] = concurrency.ToString(CultureInfo.InvariantCulture);
            shown["RectifyFlows:Durable:MaxConcurrentOrchestrations"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in options.EngineSettings)
        {
            shown["RectifyFlows:Durable:" + key] = value;
        }

        var settings = new Dictionary<string, string?>(shown, StringComparer.Ordinal)
        {
            ["RectifyFlows:Storage:ConnectionString"] = connectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Warnings and errors of the engine go to stderr with the progress lines; stdout keeps only the table.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddRectifyFlowsCore();
        builder.AddRectifyFlowsWorkflows();
        builder.AddStandaloneDurableEngine();

        // DurableComposition registers the worker's tasks as the named DurableTaskRegistry options of the default
        // worker (AddTasks is Services.Configure(builder.Name, ...)), so the benchmark's tasks join the same worker here.
        builder.Services.Configure<DurableTaskRegistry>(Options.DefaultName, registry => BenchTasks.Register(registry));

        return new EngineHost(builder.Build(), taskHub, shown);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Progress.Write("The engine host did not stop within a minute.");
            }
        }

        await _app.DisposeAsync();
    }

    /// <summary>Deletes the task hub's queues, containers and tables (storage given by the environment outlives the run).</summary>
    public static async Task DeleteTaskHubAsync(string connectionString, string taskHub)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        });
        await service.DeleteAsync();
    }
}
