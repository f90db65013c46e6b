using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Webhooks;

namespace RectifyFlows.Api;

/// <summary>Registers the HTTP handling both hosts share.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddRectifyFlowsApi(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InspectionResultWebhook>();
        return services;
    }
}
