using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Actions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Measures;
using RectifyFlows.Api.Plans;
using RectifyFlows.Api.Units;
using RectifyFlows.Api.Attendance;
using RectifyFlows.Api.Leads;
using RectifyFlows.Api.Reports;
using RectifyFlows.Api.Security;
using RectifyFlows.Api.Webhooks;

namespace RectifyFlows.Api;

/// <summary>Registers the HTTP handling both hosts share.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddRectifyFlowsApi(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ConfiguredKeyRegistrar>();
        services.AddHostedService<Startup.ConfigurationReport>();
        services.AddOptions<IntakeLimitsOptions>().BindConfiguration(IntakeLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RequestRateLimiter>();
        services.AddSingleton<CorsRules>();
        services.AddSingleton<InspectionResultWebhook>();
        services.AddSingleton<PlanHandlers>();
        services.AddSingleton<Projects.ProjectHandlers>();
        services.AddOptions<Domain.Reporting.RateFormat>().BindConfiguration(Domain.Reporting.RateFormat.Section);
        services.AddSingleton<MeasureHandlers>();
        services.AddSingleton<UnitHandlers>();
        services.AddSingleton<ActionHandlers>();
        services.AddSingleton<ReportHandlers>();
        services.AddOptions<LeadOptions>().BindConfiguration(LeadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignedWebhookPipeline>();
        services.AddSingleton<ProjectProgressWebhook>();
        services.AddSingleton<AttendanceWebhook>();
        services.AddSingleton<LeadWebhook>();
        services.AddSingleton<LeadReminders>();
        services.AddSingleton<LeadApi>();
        services.AddSingleton<MonthlySignoffApi>();
        services.AddSingleton<AttendanceApi>();
        return services;
    }
}
