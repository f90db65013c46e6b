using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Functions.Startup;
using RectifyFlows.Functions.Webhooks;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Functions;

/// <summary>Wires what only the Functions app needs on top of the shared storage and workflows registrations.</summary>
public static class FunctionsComposition
{
    public static IHostApplicationBuilder AddRectifyFlowsFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // These take a DurableTaskClient, which Functions only hands out as a [DurableClient] binding (see BoundClient):
        // the functions build them per invocation. Removed so nothing can resolve them from DI, and so Development's
        // ValidateOnBuild does not fail on the missing client. Goes once src/ registers them in the standalone host only.
        builder.Services.RemoveAll<EscalationStarter>();
        builder.Services.RemoveAll<CycleStarter>();
        builder.Services.RemoveAll<InspectionIntake>();

        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InspectionResultWebhook>();

        // As the standalone host: Chinese text stays readable in responses instead of \uXXXX escapes.
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return builder;
    }
}
