using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Functions.Notifications;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Storage;
using RectifyFlows.Workflows;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// The Functions app's services (Program.cs's registrations) build every activity class and every client-bound
/// service the functions create, so no invocation fails on a missing dependency.
/// </summary>
[TestClass]
public sealed class FunctionsCompositionTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public void FunctionsComposition_BuildsEveryTaskClass_WithTheBoundClientForWhatNeedsIt()
    {
        // Development turns on ValidateOnBuild, as `func start` does: every registered service must be constructible.
        using var host = BuildFunctionsHost();
        using var scope = host.Services.CreateScope();
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:9");
        // A real client that is never called: in Azure the [DurableClient] binding supplies it.
        DurableTaskClient client = new GrpcDurableTaskClient("RectifyFlows", new GrpcDurableTaskClientOptions { Channel = channel }, NullLogger.Instance);
        var escalations = ActivatorUtilities.CreateInstance<EscalationStarter>(scope.ServiceProvider, client);
        var cycles = ActivatorUtilities.CreateInstance<CycleStarter>(scope.ServiceProvider, client);

        foreach (var type in Workflows.DependencyInjection.TaskTypes)
        {
            object task = typeof(ITaskOrchestrator).IsAssignableFrom(type)
                ? Activator.CreateInstance(type)!
                : NeedsEscalations(type)
                    ? ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, escalations)
                    : Needs<CycleStarter>(type)
                        ? ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, cycles)
                        : ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            Assert.IsInstanceOfType(task, type);
        }

        Assert.IsNotNull(ActivatorUtilities.CreateInstance<CycleStarter>(scope.ServiceProvider, client));
        Assert.IsNotNull(ActivatorUtilities.CreateInstance<InspectionIntake>(scope.ServiceProvider, client));
        Assert.IsInstanceOfType<Leads.LeadReminderTimerFunction>(ActivatorUtilities.CreateInstance<Leads.LeadReminderTimerFunction>(scope.ServiceProvider));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public void FunctionsComposition_RegistersNoClientBoundService_InDependencyInjection()
    {
        using var host = BuildFunctionsHost();

        Assert.IsNull(host.Services.GetService<EscalationStarter>());
        Assert.IsNull(host.Services.GetService<CycleStarter>());
        Assert.IsNull(host.Services.GetService<InspectionIntake>());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public void FunctionsComposition_RegistersTheSharedDispatcherForItsTimer_WhenSmtpIsConfigured()
    {
        using var host = BuildFunctionsHost(smtp: true);
        using var bare = BuildFunctionsHost();

        Assert.IsNotNull(host.Services.GetService<OutboxDispatcher>(), "the DispatchOutbox timer runs its passes");
        Assert.IsNotNull(ActivatorUtilities.CreateInstance<DispatchOutboxFunction>(host.Services));
        Assert.IsNull(bare.Services.GetService<OutboxDispatcher>(), "without a relay, messages wait in the outbox (as in the standalone host)");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public void FunctionsComposition_TheDoctorReadsTheTaskHub_ThroughTheDurableConnection_NotTheLedgers()
    {
        using var separate = BuildFunctionsHost(configure: c =>
        {
            c["DurableTaskStorage:accountName"] = "hubaccount";
            c["DurableTaskStorage:credential"] = "managedidentity";
            c["DurableTaskStorage:clientId"] = "00000000-0000-0000-0000-000000000001";
            c["RectifyFlows:Durable:TaskHubName"] = "ProvinceHub";
        });
        using var local = BuildFunctionsHost(configure: c => c["DurableTaskStorage"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:19999/devstoreaccount1;");
        using var unset = BuildFunctionsHost();

        var hub = separate.Services.GetRequiredService<RectifyFlows.Operations.Doctor.TaskHubStore>();
        Assert.AreEqual(new Uri("https://hubaccount.table.core.windows.net/ProvinceHubHistory"), hub.History.Uri);
        Assert.AreEqual("ProvinceHub", hub.TaskHubName, "the hub infra names");
        Assert.AreEqual(new Uri("http://127.0.0.1:19999/devstoreaccount1/RectifyFlowsInstances"),
            local.Services.GetRequiredService<RectifyFlows.Operations.Doctor.TaskHubStore>().Instances.Uri);
        Assert.AreEqual(unset.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().Uri.GetLeftPart(UriPartial.Authority),
            unset.Services.GetRequiredService<RectifyFlows.Operations.Doctor.TaskHubStore>().History.Uri.GetLeftPart(UriPartial.Authority),
            "without a durable connection, the ledger's account");
    }

    private static IHost BuildFunctionsHost(bool smtp = false, Action<Microsoft.Extensions.Configuration.IConfiguration>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            // The Functions app's folder, not the test's: the test output also holds the standalone host's appsettings files.
            ContentRootPath = FunctionsOutput.Directory.FullName,
        });
        builder.Configuration["RectifyFlows:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        if (smtp)
        {
            builder.Configuration["RectifyFlows:Notifications:Smtp:Host"] = "127.0.0.1";
            builder.Configuration["RectifyFlows:Notifications:Smtp:Port"] = "1025";
            builder.Configuration["RectifyFlows:Notifications:Smtp:UseStartTls"] = "false";
            builder.Configuration["RectifyFlows:Notifications:Smtp:From"] = "rectifyflows@localhost";
        }

        configure?.Invoke(builder.Configuration);
        builder.AddRectifyFlowsStorage();
        builder.AddRectifyFlowsWorkflows();
        builder.AddRectifyFlowsFunctions();
        return builder.Build();
    }

    private static bool NeedsEscalations(Type type) => Needs<EscalationStarter>(type);

    /// <summary>Whether a task class takes a client-bound service, which its Functions wrapper builds over the bound client.</summary>
    private static bool Needs<T>(Type type) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(T));
}
