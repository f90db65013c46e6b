using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications;

/// <summary>Registers the notification port (the outbox).</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddRectifyFlowsNotifications(this IServiceCollection services)
    {
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<INotificationPort>(provider => provider.GetRequiredService<OutboxRepository>());
        return services;
    }
}
