using System.Reflection;
using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RectifyFlows.Host.Durable;
using RectifyFlows.Storage;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The durable side of the harness: the standalone host's engine (Durable Task's Azure Storage backend, the one Durable
/// Functions runs on, behind the gRPC sidecar) on Azurite, a real <see cref="DurableTaskClient"/>, and a worker whose
/// every orchestrator and activity is the Functions app's own <c>[OrchestrationTrigger]</c>/<c>[ActivityTrigger]</c> method.
/// </summary>
/// <remarks>
/// The task hub's settings come from host.json (partitions, polling interval) under a fresh hub name per harness, so
/// tests never see each other's instances. What differs from Azure: the Durable extension's own dispatch (out of
/// process, in the Functions host) is replaced by the Durable Task worker calling the same methods.
/// </remarks>
internal sealed class HarnessDurable : IAsyncDisposable
{
    private readonly IHost _host;

    private HarnessDurable(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<HarnessDurable> StartAsync(
        string storageConnectionString, Func<IServiceProvider> functionsServices, ILoggerProvider logs, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        var hostJson = HostJson.DurableStorageProvider();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DurableEngineOptions.SectionName}:TaskHubName"] = $"harness{Guid.NewGuid():N}"[..20],
            [$"{DurableEngineOptions.SectionName}:WorkerId"] = "harness",
            [$"{DurableEngineOptions.SectionName}:PartitionCount"] = hostJson.PartitionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{DurableEngineOptions.SectionName}:MaxQueuePollingInterval"] = hostJson.MaxQueuePollingInterval.ToString(),
            [$"{StorageOptions.SectionName}:ConnectionString"] = storageConnectionString,
        });
        builder.Services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.SectionName);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        var address = new DurableSidecarAddress(0);
        builder.Services.AddSingleton(address);
        var channel = GrpcChannel.ForAddress(address.Uri);
        builder.Services.AddSingleton(channel);
        builder.Services.AddSingleton(new StandaloneEngineMode(Dispatch: true));
        builder.Services.AddHostedService<StandaloneDurableEngine>();
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registry =>
            {
                foreach (var function in FunctionMethod.All)
                {
                    if (function.Trigger is OrchestrationTriggerAttribute)
                    {
                        registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function));
                    }
                    else if (function.Trigger is ActivityTriggerAttribute)
                    {
                        registry.AddActivity(function.Name, provider => new FunctionActivity(function, functionsServices(), provider.GetRequiredService<DurableTaskClient>()));
                    }
                }
            });
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new HarnessDurable(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            if (_host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }
        }
    }

    /// <summary>An <c>[OrchestrationTrigger]</c> method run by the worker. Its input type is the shared orchestrator's of that name.</summary>
    private sealed class FunctionOrchestrator(FunctionMethod function) : ITaskOrchestrator
    {
        // The wrappers read their input with context.GetInput<T>(), which the worker answers with the input it deserialized
        // to InputType: so InputType must be the shared orchestrator's TInput (the function is named after that class).
        public Type InputType { get; } = SharedTaskInput(function.Name);

        public Type OutputType => typeof(object);

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var arguments = function.Method.GetParameters()
                .Select(p => p.ParameterType == typeof(TaskOrchestrationContext) ? context : (object?)null)
                .ToArray();
            return await Invoker.AwaitResultAsync(function.Method.Invoke(null, arguments));
        }
    }

    /// <summary>An <c>[ActivityTrigger]</c> method run by the worker, with the Functions app's scoped services.</summary>
    private sealed class FunctionActivity(FunctionMethod function, IServiceProvider functionsServices, DurableTaskClient client) : ITaskActivity
    {
        public Type InputType => function.TriggerParameter.ParameterType;

        public Type OutputType => function.Method.ReturnType.IsGenericType ? function.Method.ReturnType.GetGenericArguments()[0] : typeof(object);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using var scope = functionsServices.CreateAsyncScope();
            var functionContext = new FakeFunctionContext(function, scope.ServiceProvider,
                new Dictionary<string, object?> { ["instanceId"] = context.InstanceId }, CancellationToken.None);
            var arguments = function.Method.GetParameters().Select(p =>
                p == function.TriggerParameter ? input
                : p.ParameterType == typeof(FunctionContext) ? functionContext
                : p.ParameterType == typeof(DurableTaskClient) ? client
                : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : p.Name == "instanceId" ? context.InstanceId
                : throw new InvalidOperationException($"The harness cannot bind {function.Name}'s parameter {p.Name}.")).ToArray();
            var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
            return await Invoker.AwaitResultAsync(function.Method.Invoke(target, arguments));
        }
    }

    private static Type SharedTaskInput(string name)
    {
        var shared = Workflows.DependencyInjection.TaskTypes.SingleOrDefault(t => t.Name == name);
        for (var type = shared; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return typeof(JsonElement);
    }
}

/// <summary>Awaits what a trigger method returned (void, Task, Task&lt;T&gt;, ValueTask) and hands back its result.</summary>
internal static class Invoker
{
    public static async Task<object?> AwaitResultAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    /// <summary>Unwraps the exception a reflective call wrapped, so tests see the function's own.</summary>
    public static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}

/// <summary>The root host.json's Durable settings the harness's engine copies.</summary>
internal static class HostJson
{
    public static string Path => System.IO.Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "host.json");

    public static (int PartitionCount, TimeSpan MaxQueuePollingInterval) DurableStorageProvider()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var provider = document.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");
        var partitions = provider.TryGetProperty("partitionCount", out var p) ? p.GetInt32() : 4;
        // Unset: what the Durable extension chooses on Flex Consumption (docs/scaling.md).
        var polling = provider.TryGetProperty("maxQueuePollingInterval", out var i)
            ? TimeSpan.Parse(i.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : TimeSpan.FromSeconds(1);
        return (partitions, polling);
    }

    /// <summary>extensions.http.routePrefix ("api" when absent).</summary>
    public static string RoutePrefix()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString()!
                : "api";
    }
}
