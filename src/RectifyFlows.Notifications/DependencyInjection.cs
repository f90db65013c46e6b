using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Testing;

namespace RectifyFlows.Notifications;

/// <summary>Registers the notification port (the outbox).</summary>
public static class DependencyInjection
{
    /// <param name="services">The services.</param>
    /// <param name="failOnceAfterEnqueueKind">Test hook: fail once right after writing messages of this kind.</param>
    public static IServiceCollection AddRectifyFlowsNotifications(this IServiceCollection services, string? failOnceAfterEnqueueKind = null)
    {
        services.AddSingleton<OutboxRepository>();
        if (string.IsNullOrEmpty(failOnceAfterEnqueueKind))
        {
            services.AddSingleton<INotificationPort>(provider => provider.GetRequiredService<OutboxRepository>());
        }
        else
        {
            services.AddSingleton<INotificationPort>(provider => new FaultInjectingNotificationPort(
                provider.GetRequiredService<OutboxRepository>(), failOnceAfterEnqueueKind,
                provider.GetRequiredService<ILogger<FaultInjectingNotificationPort>>()));
        }

        return services;
    }
}
