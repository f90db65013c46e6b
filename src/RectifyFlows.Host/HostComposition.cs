using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration.Json;
using RectifyFlows.Api;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Routing;
using RectifyFlows.DevServices;
using RectifyFlows.Host.Auth;
using RectifyFlows.Host.Dashboard;
using RectifyFlows.Host.Durable;
using RectifyFlows.Host.Operations;
using RectifyFlows.Host.Scheduling;
using RectifyFlows.Host.Security;
using Scalar.AspNetCore;
using RectifyFlows.Host.Startup;
using RectifyFlows.Notifications;
using RectifyFlows.Operations.Telemetry;
using RectifyFlows.Storage;
using RectifyFlows.Workflows;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Host;

/// <summary>Wires the standalone host: dev services, storage, API keys, the HTTP API.</summary>
public static partial class HostComposition
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Dev services and storage: what both the web host and the command-line verbs need.</summary>
    public static IHostApplicationBuilder AddRectifyFlowsCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DevServicesOptions>().BindConfiguration(DevServicesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // First hosted service: Azurite must be up before anything below touches storage.
        builder.Services.AddHostedService<DevServicesHostedService>();
        builder.AddRectifyFlowsStorage();
        return builder;
    }

    public static WebApplicationBuilder AddRectifyFlowsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LayerFastOverDevelopment(builder);
        builder.AddRectifyFlowsCore();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        builder.Services.AddRectifyFlowsApi();
        builder.Services.AddHostedService<LedgerInitializer>();
        builder.AddRectifyFlowsWorkflows();
        // Delivery from the outbox runs when any channel is configured (MailDev in Development and Fast); without one,
        // messages stay in the outbox, visible at /api/notifications. The same rule as the Functions app.
        var channels = builder.Services.AddRectifyFlowsDispatcherIfConfigured(builder.Configuration);

        builder.AddStandaloneDurableEngine();
        builder.AddCycleSchedules();
        builder.Services.AddSingleton<EscalationCatchUp>();
        builder.AddOperations();
        // Every periodic job (cycles, catch-ups, doctor, retention, leads, the dispatcher) on Quartz, after the durable
        // engine, one to one with the Functions app's timers.
        builder.AddPeriodicJobs(dispatching: channels.Count > 0);
        builder.AddRectifyFlowsTelemetry("RectifyFlows.Host");

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Each policy admits the roles of Policies.RolesOf, the table the Functions app checks too.
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var name in Policies.All)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(Policies.RolesOf(name)));
        }

        builder.Services.AddHttpSecurity();
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = PlanHandlers.MaxPlanBytes + 1;
        });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>
    /// The Fast environment is Development with every wait in seconds: appsettings.Development.json is loaded first and
    /// appsettings.Fast.json overrides it, so the development keys and storage need no second copy.
    /// </summary>
    private static void LayerFastOverDevelopment(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsEnvironment("Fast"))
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        var fast = sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == "appsettings.Fast.json");
        var development = new JsonConfigurationSource
        {
            Path = "appsettings.Development.json",
            Optional = true,
            FileProvider = builder.Environment.ContentRootFileProvider,
        };
        sources.Insert(fast is null ? sources.Count : sources.IndexOf(fast), development);
    }

    public static WebApplication UseRectifyFlowsHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRootRedirects();
        app.UseHttpSecurity(authenticate: a => a.UseAuthentication());
        app.UseAuthorization();
        if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Fast"))
        {
            // Scalar's page is served from the package (no CDN); it reads /openapi/v1.json, which the route table writes.
            app.MapScalarApiReference("/scalar").AllowAnonymous();
        }

        // Every route (API, dashboard pages and lookups, public data, ledger XLSX, OpenAPI) comes from the shared route
        // table, which the Functions app's triggers are held to.
        app.MapApiRoutes();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RectifyFlows.Host");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogServing(logger, url);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RectifyFlows serves {Url} (health: /healthz, API: /api/...)")]
    private static partial void LogServing(ILogger logger, string url);
}
