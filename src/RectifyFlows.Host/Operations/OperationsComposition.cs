using RectifyFlows.Host.Durable;
using RectifyFlows.Operations;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;

namespace RectifyFlows.Host.Operations;

/// <summary>Wires the shared operations (doctor, retention, sizes, backup) into the standalone host, over its durable client.</summary>
public static class OperationsComposition
{
    /// <summary>
    /// The services; with <paramref name="durable"/> (a durable client is registered) the doctor and retention. The web
    /// host's periodic passes of them are Quartz jobs (<c>PeriodicJobsComposition</c>); verbs run them once.
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRectifyFlowsOperations(DurableComposition.TaskHubName(builder.Configuration));
        if (durable)
        {
            builder.Services.AddSingleton<WorkflowDoctor>();
            builder.Services.AddSingleton<RetentionService>();
        }

        return builder;
    }
}
