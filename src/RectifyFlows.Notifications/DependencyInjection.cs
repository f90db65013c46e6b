using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Robots;
using RectifyFlows.Notifications.Sms;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Notifications.Testing;

namespace RectifyFlows.Notifications;

/// <summary>Registers the notification port (the outbox) and the dispatcher that delivers it.</summary>
public static class DependencyInjection
{
    /// <param name="services">The services.</param>
    /// <param name="failOnceAfterEnqueueKind">Test hook: fail once right after writing messages of this kind.</param>
    public static IServiceCollection AddRectifyFlowsNotifications(this IServiceCollection services, string? failOnceAfterEnqueueKind = null)
    {
        services.TryAddSingleton<OutboxRepository>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContactResolver>();
        services.AddOptions<MessageLinkOptions>().BindConfiguration(MessageLinkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<MessageLinks>();
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

    /// <summary>
    /// Registers the dispatcher (<see cref="AddRectifyFlowsDispatcher"/>) when any channel is configured — SMTP, Twilio or
    /// the SMS gateway, the WeCom or DingTalk robot — and returns the configured channels (empty: nothing registered,
    /// messages wait in the outbox). Both hosts decide with this one rule.
    /// </summary>
    public static IReadOnlyList<string> AddRectifyFlowsDispatcherIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = ConfiguredChannels(configuration);
        if (configured.Count > 0)
        {
            services.AddRectifyFlowsDispatcher();
        }

        return configured;
    }

    /// <summary>The channels <c>RectifyFlows:Notifications</c> configures (unresolved Key Vault references count as unset).</summary>
    public static IReadOnlyList<string> ConfiguredChannels(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new NotificationOptions();
        configuration.GetSection(NotificationOptions.SectionName).Bind(options);
        return options.ConfiguredChannels();
    }

    /// <summary>
    /// The outbox dispatcher, with <see cref="NotificationOptions"/> bound from <c>RectifyFlows:Notifications</c> and
    /// validated on start. Each host runs its passes (<see cref="OutboxDispatcher.RunPassAsync"/>) from its DispatchOutbox
    /// periodic job: a Quartz job every <see cref="NotificationOptions.PollInterval"/> on the standalone host, a timer in
    /// the Functions app. Needs the storage services (UnitRepository, the table client) registered too.
    /// </summary>
    public static IServiceCollection AddRectifyFlowsDispatcher(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxRepository>();
        services.TryAddSingleton<DispatchHooks>();
        services.TryAddSingleton<SmtpEmailChannel>();
        services.AddHttpClient();

        // Order matters for sms: the dispatcher takes the first configured one, so Twilio wins over the gateway.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, TwilioSmsChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, SmsGatewayChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, WeComRobotChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, DingTalkRobotChannel>());
        services.TryAddSingleton<OfficeDirectory>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<ContactResolver>();
        return services;
    }
}
