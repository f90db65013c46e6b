using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Api;
using RectifyFlows.Functions.Durable;
using RectifyFlows.Functions.Scheduling;
using RectifyFlows.Functions.Startup;
using RectifyFlows.Notifications;
using RectifyFlows.Operations;
using RectifyFlows.Operations.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using RectifyFlows.Storage;
using RectifyFlows.Workflows;

namespace RectifyFlows.Functions;

/// <summary>Wires what only the Functions app needs on top of the shared storage and workflows registrations.</summary>
public static class FunctionsComposition
{
    /// <summary>
    /// Everything Program.cs registers: the ASP.NET Core integration, storage, workflows and the Functions app's own
    /// services. The test harness calls this same method on its own <see cref="FunctionsApplicationBuilder"/>.
    /// </summary>
    public static FunctionsApplicationBuilder ComposeRectifyFlowsFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.AddRectifyFlowsStorage();
        builder.AddRectifyFlowsWorkflows();
        builder.AddRectifyFlowsFunctions();
        return builder;
    }

    public static IHostApplicationBuilder AddRectifyFlowsFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // EscalationStarter, CycleStarter and InspectionIntake take a DurableTaskClient, which Functions only hands out
        // as a [DurableClient] binding: the functions build them per invocation (BoundClient), so they are not in DI here.
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddRectifyFlowsApi();
        builder.AddFunctionsSchedules();
        // Doctor, retention, sizes, backup (docs/operations.md); the task hub is host.json's hubName, read through the
        // Durable extension's own connection (DurableTaskStorage), not the ledger's: infra may put them in two accounts.
        var hubTables = DurableTaskStorageConnection.CreateTableServiceClient(builder.Configuration);
        builder.AddRectifyFlowsOperations(DurableTaskStorageConnection.TaskHubName(builder.Configuration),
            hubTables is null ? null : _ => hubTables);
        // Traces and metrics as in the standalone host; Application Insights when infra/ sets its connection string.
        builder.AddRectifyFlowsTelemetry("RectifyFlows.Functions").UseFunctionsWorkerDefaults();

        // The outbox dispatcher, run by the DispatchOutbox timer rather than as a hosted loop: a Flex Consumption
        // instance may be scaled to zero between requests, a timer wakes it. Registered, as in the standalone host, when
        // any channel is configured (ConfigurationReport logs an error in Production when none is).
        builder.Services.AddRectifyFlowsDispatcherIfConfigured(builder.Configuration);
        return builder;
    }
}
