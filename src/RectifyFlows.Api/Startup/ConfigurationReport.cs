using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Configuration;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Api.Startup;

/// <summary>
/// Says at start what an operator must fix in the settings, in both hosts: each setting that holds an unresolved Key
/// Vault reference (it counts as unset, <see cref="ConfiguredSecret"/>), and which notification channels can deliver —
/// an error in Production when none can, because every message would then wait in the outbox.
/// </summary>
public sealed partial class ConfigurationReport(IConfiguration configuration, IHostEnvironment environment, ILogger<ConfigurationReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (ConfiguredSecret.IsUnresolvedReference(value))
            {
                // The key only: the reference names a vault and a secret, never the secret itself, but it is still noise.
                LogUnresolved(key);
            }
        }

        if (!SenderSecretsJson.TryParse(configuration[SenderSecretsKey], out _))
        {
            LogMalformedSenderSecrets(SenderSecretsKey);
        }

        var channels = Notifications.DependencyInjection.ConfiguredChannels(configuration);
        if (channels.Count > 0)
        {
            LogChannels(channels);
        }
        else if (environment.IsProduction())
        {
            LogNoChannel();
        }
        else
        {
            LogNoChannelOutsideProduction(environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const string SenderSecretsKey = Webhooks.WebhookOptions.SectionName + ":" + nameof(Webhooks.WebhookOptions.SenderSecrets);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting {Key} is not a JSON object of sender id to secret: no per-sender webhook secret is used (those senders get 401)")]
    private partial void LogMalformedSenderSecrets(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting {Key} is an unresolved Key Vault reference and counts as unset (create the secret or grant the app's identity Key Vault Secrets User)")]
    private partial void LogUnresolved(string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification channels configured: {Channels}")]
    private partial void LogChannels(IReadOnlyList<string> channels);

    [LoggerMessage(Level = LogLevel.Error, Message = "No notification channel is configured (SMTP, Twilio, SMS gateway, WeCom, DingTalk): every message waits in the outbox (docs/deployment.md)")]
    private partial void LogNoChannel();

    [LoggerMessage(Level = LogLevel.Information, Message = "No notification channel is configured in {Environment}: messages wait in the outbox")]
    private partial void LogNoChannelOutsideProduction(string environment);
}
