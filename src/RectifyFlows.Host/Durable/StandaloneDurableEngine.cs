using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using RectifyFlows.Storage;

namespace RectifyFlows.Host.Durable;

/// <summary>
/// The durable engine of the standalone host (ADR 0006): the Durable Task Azure Storage provider — the backend Durable
/// Functions uses — served to the ordinary Microsoft.DurableTask worker and client through the public gRPC sidecar
/// (<see cref="TaskHubGrpcServer"/>) on a loopback port. Registered before the worker, so it starts first and stops last.
/// </summary>
public sealed partial class StandaloneDurableEngine(
    IOptions<DurableEngineOptions> options,
    IOptions<StorageOptions> storage,
    DurableSidecarAddress address,
    StandaloneEngineMode mode,
    ILoggerFactory loggerFactory,
    ILogger<StandaloneDurableEngine> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _sidecar;
    private AzureStorageOrchestrationService? _service;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.Value.TaskHubName,
            WorkerId = options.Value.WorkerId,
            PartitionCount = options.Value.PartitionCount,
            MaxQueuePollingInterval = options.Value.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.Value.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.Value.MaxConcurrentOrchestrations,
            ControlQueueBatchSize = options.Value.ControlQueueBatchSize,
            ExtendedSessionsEnabled = options.Value.ExtendedSessions,
            StorageAccountClientProvider = ClientProvider(storage.Value),
            LoggerFactory = loggerFactory,
        };
        var service = _service = new AzureStorageOrchestrationService(settings);
        // The provider does not create its queues and tables by itself.
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        // The app logs its own start; the sidecar's "Now listening / Application started" would only confuse.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, address.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        // A verb's engine only answers its client; the dispatcher would otherwise try to stop a service it never started.
        builder.Services.Configure<TaskHubGrpcServerOptions>(o =>
            o.Mode = mode.Dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        _sidecar = app;
        LogStarted(options.Value.TaskHubName, options.Value.WorkerId, address.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken);
        }

        // Stop the provider too, so its partition leases are released before the process exits (a restart then
        // takes them back at once) and it sends nothing after the host has stopped.
        // A client-only engine never started the provider (it has nothing to release and would throw).
        if (_service is not null && mode.Dispatch)
        {
            await _service.StopAsync(isForced: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }

        _sidecar = null;
    }

    /// <summary>A connection string, or the account's endpoints with DefaultAzureCredential (managed identity).</summary>
    private static StorageAccountClientProvider ClientProvider(StorageOptions storage)
    {
        if (storage.TableServiceUri is { } tables)
        {
            var host = tables.Host;
            Uri Endpoint(string service) => new UriBuilder(tables) { Host = host.Replace(".table.", $".{service}.", StringComparison.Ordinal) }.Uri;
            return new StorageAccountClientProvider(Endpoint("blob"), Endpoint("queue"), tables, new DefaultAzureCredential());
        }

        return new StorageAccountClientProvider(storage.ConnectionString!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable engine: task hub {TaskHub}, worker {WorkerId}, sidecar on 127.0.0.1:{Port}")]
    private partial void LogStarted(string taskHub, string workerId, int port);
}

/// <summary>Whether the engine dispatches work to a worker (the web host) or only serves a client (verbs).</summary>
public sealed record StandaloneEngineMode(bool Dispatch);
