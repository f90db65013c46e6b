using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The Functions app as it runs in Production, without a Functions host: its own composition
/// (<see cref="FunctionsComposition.ComposeRectifyFlowsFunctions"/> on a <c>FunctionsApplication</c> builder), its
/// configuration from the app settings the compiled Bicep template gives it (Key Vault references resolved by a
/// <see cref="FakeKeyVault"/>), its hosted services started, and its own trigger methods invoked with real
/// <see cref="HttpRequest"/>s, a fake <see cref="FunctionContext"/>, real Azurite and a real durable client. README.md beside this file.
/// </summary>
public sealed class FunctionsHarness : IAsyncDisposable
{
    private readonly IHost _app;
    private readonly HarnessDurable? _durable;
    private readonly List<IHostedService> _started;
    private readonly string _routePrefix = HostJson.RoutePrefix();

    private FunctionsHarness(IHost app, HarnessDurable? durable, List<IHostedService> started, IReadOnlyDictionary<string, string> settings, HarnessLog log)
    {
        _app = app;
        _durable = durable;
        _started = started;
        AppSettings = settings;
        Log = log;
    }

    /// <summary>The app settings the worker started with, after Key Vault resolution and the harness's substitutions.</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>Everything the app (and the durable side) logged.</summary>
    public HarnessLog Log { get; }

    /// <summary>The Functions app's root services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The durable client the [DurableClient] bindings get (null with <see cref="FunctionsHarnessOptions.Durable"/> off).</summary>
    public DurableTaskClient DurableClient => _durable?.Client ?? throw new InvalidOperationException("This harness runs without the durable engine.");

    public static async Task<FunctionsHarness> StartAsync(FunctionsHarnessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FunctionsHarnessOptions();
        var storage = options.StorageConnectionString ?? await TestStorage.ConnectionStringAsync();
        var settings = await AppSettingsAsync(options, storage, cancellationToken);
        var log = new HarnessLog();

        // As on Azure: the worker's content root is the app's folder (no appsettings.json there), Production, and the
        // app settings arrive as environment variables (double underscore for ':').
        var builder = FunctionsApplication.CreateBuilder(["--contentRoot", FunctionsOutput.Directory.FullName, "--environment", Environments.Production]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)));
        // What the Functions host passes to every worker it starts (validated at start); nothing connects to it here.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = "harness",
            ["Functions:Worker:RequestId"] = "harness",
            ["Functions:Worker:GrpcMaxMessageLength"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.AddProvider(log);
        builder.ComposeRectifyFlowsFunctions();
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        if (app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName != Environments.Production)
        {
            throw new InvalidOperationException("The harness's Functions app did not start in Production.");
        }

        HarnessDurable? durable = null;
        var started = new List<IHostedService>();
        try
        {
            if (options.Durable)
            {
                durable = await HarnessDurable.StartAsync(storage, () => app.Services, log, cancellationToken);
            }

            // What Host.StartAsync does, minus the Functions worker's own services (the gRPC channel to the Functions host
            // and its HTTP proxy), which need the host this harness replaces: option validation, then each hosted service.
            app.Services.GetService<IStartupValidator>()?.Validate();
            foreach (var service in app.Services.GetServices<IHostedService>().Where(s => !IsWorkerInfrastructure(s)))
            {
                await service.StartAsync(cancellationToken);
                started.Add(service);
            }

            return new FunctionsHarness(app, durable, started, settings, log);
        }
        catch
        {
            // The start's own failure is what the test must see, not a follow-on failure of stopping half a start.
            try
            {
                await StopAsync(app, durable, started);
            }
            catch (Exception stop) when (stop is not OutOfMemoryException)
            {
                System.Diagnostics.Trace.TraceWarning($"Stopping a failed harness start failed too: {stop}");
            }

            throw;
        }
    }

    /// <summary>The settings the worker sees: the template's, then Key Vault resolution, then the local substitutions and test overrides.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> AppSettingsAsync(FunctionsHarnessOptions options, string storage, CancellationToken cancellationToken)
    {
        var template = await TemplateAppSettings.ReadAsync(options.Deployment, cancellationToken);
        var settings = template.ToDictionary(s => s.Key, s => options.KeyVault.Resolve(s.Value), StringComparer.Ordinal);

        // The one deliberate difference from Azure: the ledger is reached with Azurite's connection string, because a
        // managed identity cannot be had here. Everything else (prefix, secrets, schedules) is the template's.
        if (settings.Remove("RectifyFlows__Storage__TableServiceUri"))
        {
            settings["RectifyFlows__Storage__ConnectionString"] = storage;
        }

        // The same for the task hub's own connection (DurableTaskStorage__accountName, __credential, __clientId): the
        // harness's engine keeps the hub in Azurite, and the doctor and the sizes route read it through this connection.
        var hubIdentity = settings.Keys.Where(k => k.StartsWith("DurableTaskStorage__", StringComparison.Ordinal)).ToList();
        if (hubIdentity.Count > 0)
        {
            hubIdentity.ForEach(k => settings.Remove(k));
            settings["DurableTaskStorage"] = storage;
        }

        foreach (var (name, value) in options.AppSettings)
        {
            if (value is null)
            {
                settings.Remove(name);
            }
            else
            {
                settings[name] = options.KeyVault.Resolve(value);
            }
        }

        return settings;
    }

    private static bool IsWorkerInfrastructure(IHostedService service) =>
        service.GetType().Namespace?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) == true
        || service.GetType().Assembly.GetName().Name?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) == true;

    /// <summary>
    /// Sends a request to the HTTP-triggered function whose route template and method match, as the Functions host would
    /// (route prefix from host.json), and runs the result it returns against a real <see cref="HttpContext"/>.
    /// </summary>
    public async Task<HarnessResponse> InvokeHttpAsync(
        string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>>? headers = null, byte[]? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var (path, query) = pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (pathAndQuery[..q], pathAndQuery[q..]) : (pathAndQuery, string.Empty);
        var prefix = "/" + _routePrefix + "/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new HarnessResponse(StatusCodes.Status404NotFound, new Dictionary<string, string>(), [], null);
        }

        var matches = HttpRoutes.Value.Select(route => (route, values: route.Match(path[prefix.Length..]))).Where(m => m.values is not null).ToList();
        if (matches.Count == 0)
        {
            return new HarnessResponse(StatusCodes.Status404NotFound, new Dictionary<string, string>(), [], null);
        }

        var allowed = matches.FirstOrDefault(m => m.route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase));
        if (allowed.route is null)
        {
            return new HarnessResponse(StatusCodes.Status405MethodNotAllowed, new Dictionary<string, string>(), [], null);
        }

        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var request = context.Request;
        request.Method = method.ToUpperInvariant();
        request.Scheme = "https";
        request.Host = new HostString(AppSettings.GetValueOrDefault("WEBSITE_HOSTNAME") ?? "func-rectifyflows-harness.azurewebsites.net");
        request.PathBase = string.Empty;
        request.Path = path;
        request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Append(name, value);
        }

        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        }

        foreach (var (name, value) in allowed.values!)
        {
            request.RouteValues[name] = value;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        context.RequestAborted = aborted.Token;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            bindingData[name] = value.ToString();
        }

        foreach (var (name, value) in allowed.values!)
        {
            bindingData[name] = value?.ToString();
        }

        var function = allowed.route.Function;
        var functionContext = new FakeFunctionContext(function, scope.ServiceProvider, bindingData, aborted.Token);
        var result = await InvokeAsync(function, scope.ServiceProvider, functionContext, parameter =>
            parameter == function.TriggerParameter ? request : BindingValue(parameter, bindingData));

        switch (result)
        {
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                break;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, new RouteData(allowed.values!), new ActionDescriptor()));
                break;
            case null:
                break;
            default:
                throw new InvalidOperationException($"{function.Name} returned {result.GetType()}, which the harness does not render.");
        }

        var responseHeaders = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (context.Response.ContentType is { } contentType)
        {
            responseHeaders["Content-Type"] = contentType;
        }

        return new HarnessResponse(context.Response.StatusCode, responseHeaders, responseBody.ToArray(), function.Name);
    }

    /// <summary>Fires a timer-triggered function once, as the Functions host would (past due for a late fire).</summary>
    public async Task InvokeTimerAsync(string functionName, bool isPastDue = false, DateTime? lastFire = null, DateTime? nextFire = null, CancellationToken cancellationToken = default)
    {
        var function = FunctionMethod.All.SingleOrDefault(f => f.Name == functionName && f.Trigger is TimerTriggerAttribute)
            ?? throw new ArgumentException($"No timer-triggered function '{functionName}'.", nameof(functionName));
        var timer = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = lastFire ?? DateTime.MinValue,
                Next = nextFire ?? DateTime.MinValue,
                LastUpdated = lastFire ?? DateTime.MinValue,
            },
        };
        await using var scope = _app.Services.CreateAsyncScope();
        var functionContext = new FakeFunctionContext(function, scope.ServiceProvider, new Dictionary<string, object?>(), cancellationToken);
        await InvokeAsync(function, scope.ServiceProvider, functionContext, parameter => parameter == function.TriggerParameter ? timer : null);
    }

    /// <summary>The schedule expression of a timer function as the Functions host reads it: <c>%Setting%</c> resolved from the app settings.</summary>
    public string TimerSchedule(string functionName)
    {
        var function = FunctionMethod.All.SingleOrDefault(f => f.Name == functionName && f.Trigger is TimerTriggerAttribute)
            ?? throw new ArgumentException($"No timer-triggered function '{functionName}'.", nameof(functionName));
        var schedule = ((TimerTriggerAttribute)function.Trigger).Schedule;
        return schedule.StartsWith('%') && schedule.EndsWith('%')
            ? _app.Services.GetRequiredService<IConfiguration>()[schedule.Trim('%').Replace("__", ":", StringComparison.Ordinal)]
              ?? throw new InvalidOperationException($"{functionName}'s schedule setting {schedule} is not set.")
            : schedule;
    }

    /// <summary>Calls the [Function] method: the trigger from <paramref name="bind"/>, the context, the durable client, DI for the class.</summary>
    private async Task<object?> InvokeAsync(FunctionMethod function, IServiceProvider services, FakeFunctionContext context, Func<ParameterInfo, object?> bind)
    {
        var arguments = function.Method.GetParameters().Select(parameter =>
            parameter.ParameterType == typeof(FunctionContext) ? context
            : parameter.ParameterType == typeof(CancellationToken) ? context.CancellationToken
            : parameter.ParameterType == typeof(DurableTaskClient) ? DurableClient
            : bind(parameter)).ToArray();
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        try
        {
            return await Invoker.AwaitResultAsync(function.Method.Invoke(target, arguments));
        }
        catch (TargetInvocationException exception)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(Invoker.Unwrap(exception)).Throw();
            throw;
        }
    }

    private static object? BindingValue(ParameterInfo parameter, Dictionary<string, object?> data)
    {
        if (!data.TryGetValue(parameter.Name!, out var value) || value is null)
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type == typeof(string) ? value.ToString() : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static readonly Lazy<IReadOnlyList<HttpRoute>> HttpRoutes = new(() =>
        [.. FunctionMethod.All.Where(f => f.Trigger is HttpTriggerAttribute).Select(HttpRoute.From).OrderByDescending(r => r.LiteralSegments)]);

    /// <summary>ASP.NET Core's resolver of inline route constraints (<c>{asset:regex([.])}</c>), as the Functions host uses.</summary>
    private static readonly Lazy<IInlineConstraintResolver> Constraints = new(() =>
        new ServiceCollection().AddRouting().BuildServiceProvider().GetRequiredService<IInlineConstraintResolver>());

    /// <summary>One HTTP function's route template (with its constraints) and methods.</summary>
    private sealed record HttpRoute(
        FunctionMethod Function, TemplateMatcher Matcher, IReadOnlyList<(string Name, IRouteConstraint Constraint)> Checks, IReadOnlyList<string> Methods, int LiteralSegments)
    {
        public static HttpRoute From(FunctionMethod function)
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var pattern = RoutePatternFactory.Parse(trigger.Route ?? function.Name);
            var methods = trigger.Methods is { Length: > 0 } listed ? listed : ["get", "post", "put", "patch", "delete", "head", "options"];
            var checks = pattern.ParameterPolicies
                .SelectMany(p => p.Value.Where(policy => policy.Content is not null)
                    .Select(policy => (p.Key, Constraints.Value.ResolveConstraint(policy.Content!)
                        ?? throw new InvalidOperationException($"Unknown route constraint {policy.Content} in {trigger.Route}."))))
                .ToList();
            return new HttpRoute(function, new TemplateMatcher(new RouteTemplate(pattern), []), checks, methods,
                pattern.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral));
        }

        public RouteValueDictionary? Match(string path)
        {
            var values = new RouteValueDictionary();
            return Matcher.TryMatch("/" + path.TrimStart('/'), values)
                && Checks.All(c => c.Constraint.Match(null, null, c.Name, values, RouteDirection.IncomingRequest))
                    ? values
                    : null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(_app, _durable, _started);

    private static async Task StopAsync(IHost app, HarnessDurable? durable, List<IHostedService> started)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(timeout.Token);
        }

        if (durable is not null)
        {
            await durable.DisposeAsync();
        }

        if (app is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            app.Dispose();
        }
    }
}

/// <summary>What the harness starts the app with.</summary>
public sealed class FunctionsHarnessOptions
{
    public FunctionsHarnessOptions()
    {
        // Each harness gets its own ledger tables through the template's own tablePrefix parameter.
        Deployment.Parameters["tablePrefix"] = "h" + Guid.NewGuid().ToString("N")[..10];
        KeyVault = new FakeKeyVault(Deployment.Parameters["keyVaultName"]);
    }

    /// <summary>The pretend deployment the template's settings are evaluated against.</summary>
    public DeployedResources Deployment { get; } = new();

    /// <summary>The vault behind the template's Key Vault references; empty by default (every reference unresolved).</summary>
    public FakeKeyVault KeyVault { get; }

    /// <summary>App settings set (or removed, with null) after the template's, in Azure's names (<c>A__B</c>), as an operator would in the portal.</summary>
    public Dictionary<string, string?> AppSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>The storage the ledger and the task hub use; null for the test run's Azurite.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Start the durable engine and client (the [DurableClient] bindings and every orchestration need it).</summary>
    public bool Durable { get; set; } = true;

    /// <summary>A test seam applied after the app's own composition (e.g. a fake TimeProvider); keep it to what Azure cannot give.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}

/// <summary>A function's HTTP answer.</summary>
public sealed record HarnessResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? FunctionName)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public System.Text.Json.JsonElement Json() => System.Text.Json.JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{Status} from {FunctionName ?? "(no function)"}: {Text}";
}
