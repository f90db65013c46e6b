using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RectifyFlows.Storage.Telemetry;

namespace RectifyFlows.Operations.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts (docs/operations.md, "Telemetry"): traces of ASP.NET Core, HttpClient, the Azure SDK
/// (Table Storage) and the durable client, metrics of ASP.NET Core, HttpClient, the runtime and the product's own meter
/// (<see cref="RectifyFlowsMetrics"/>). Exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is; with neither, collected and dropped.
/// </summary>
public static class TelemetryComposition
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The sources traced: the product's, the Azure SDK's (storage calls) and the Durable Task SDK's.</summary>
    public static IReadOnlyList<string> TraceSources { get; } = [RectifyFlowsMetrics.MeterName, "Azure.*", "Microsoft.DurableTask*", "DurableTask.*"];

    public static OpenTelemetryBuilder AddRectifyFlowsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The Azure SDK emits its spans through ActivitySource only behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource([.. TraceSources])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(RectifyFlowsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration[ApplicationInsightsSetting]))
        {
            telemetry.UseAzureMonitorExporter(o => o.ConnectionString = builder.Configuration[ApplicationInsightsSetting]);
        }

        return telemetry;
    }
}
