using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Notifications;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;
using RectifyFlows.Workflows.QuarterlyEvaluation;
using RectifyFlows.Workflows.TenDayReport;
using RectifyFlows.Workflows.WeeklyDispatch;

namespace RectifyFlows.Workflows;

/// <summary>Registers the workflows' services and lists their orchestrators and activities for a durable worker.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Options and the services activities use. The host adds the durable worker and client, and the services built on
    /// the client (<see cref="AddDurableClientServices"/>): Functions hands its client out per invocation instead.
    /// </summary>
    public static IHostApplicationBuilder AddRectifyFlowsWorkflows(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ColourOptions>().BindConfiguration(ColourOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRectifyFlowsNotifications(builder.Configuration["RectifyFlows:Testing:FailOnceAfterEnqueue"]);
        builder.Services.AddSingleton<RecipientDirectory>();
        builder.Services.AddSingleton<UnitMessenger>();
        builder.Services.AddSingleton<RunningCycles>();
        builder.Services.AddSingleton<UnitNames>();
        builder.Services.AddSingleton<ProgressReader>();
        builder.Services.AddSingleton<OfficeDirectory>();
        builder.Services.AddSingleton<MonthlyAttendance>();
        builder.Services.AddSingleton<MonthlyReportLeads>();
        builder.Services.AddSingleton<MonthlyReportBuilder>();
        builder.Services.AddSingleton<EscalationStepSender>();
        return builder;
    }

    /// <summary>Services that drive orchestrations through a <c>DurableTaskClient</c> resolved from DI (standalone host).</summary>
    public static IServiceCollection AddDurableClientServices(this IServiceCollection services)
    {
        services.AddSingleton<EscalationStarter>();
        services.AddSingleton<CycleStarter>();
        services.AddSingleton<InspectionIntake>();
        return services;
    }

    /// <summary>Every orchestrator and activity, by class (task names are the class names).</summary>
    public static DurableTaskRegistry AddRectifyFlowsTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var type in TaskTypes)
        {
            if (typeof(ITaskOrchestrator).IsAssignableFrom(type))
            {
                registry.AddOrchestrator(type);
            }
            else
            {
                registry.AddActivity(type);
            }
        }

        return registry;
    }

    /// <summary>The task classes; the Functions app has one thin wrapper per entry.</summary>
    public static IReadOnlyList<Type> TaskTypes { get; } =
    [
        typeof(OfficeCyclesOrchestrator), typeof(ListOfficesActivity), typeof(StartOfficeCyclesActivity), typeof(ArchiveRollUpActivity),
        typeof(MonthlyCycleOrchestrator), typeof(OpenMonthlyRoundActivity), typeof(SendMonthlyBulletinActivity),
        typeof(OpenMonthlyActionsActivity), typeof(ArchiveMonthlyReportActivity),
        typeof(WeeklyDispatchOrchestrator), typeof(RankTownshipsActivity), typeof(OpenCallInsActivity), typeof(SendWeeklyBulletinActivity),
        typeof(QuarterlyEvaluationOrchestrator), typeof(ScoreTownshipsActivity), typeof(ApplyStrikesActivity),
        typeof(OpenSanctionsActivity), typeof(ArchiveQuarterlyReportActivity),
        typeof(TenDayReportOrchestrator), typeof(RequestReverificationActivity), typeof(ArchiveTenDayReportActivity),
        typeof(EscalationOrchestrator), typeof(LoadEscalationItemActivity), typeof(NotifyEscalationStepActivity),
        typeof(SharedLadderOrchestrator), typeof(LoadSharedLadderActivity), typeof(NotifySharedLadderStepActivity),
    ];
}
