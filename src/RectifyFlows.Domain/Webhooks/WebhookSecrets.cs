using RectifyFlows.Domain.Configuration;

namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// Which secret verifies a sender's webhook: its own secret first (one per team or unit, api.md: a
/// <c>Secrets:{sender}</c> setting, else its entry in the <see cref="SenderSecretsJson"/> object); else the
/// deployment's shared signing secret if one is configured (one Key Vault secret, for small deployments); else, in
/// the Development and Fast environments only, the development secret. Null means the sender is unknown (401).
/// An unresolved Key Vault reference counts as no secret (<see cref="ConfiguredSecret"/>): a deployment whose
/// signing secret was never set answers 401, even to a request "signed" with the reference's literal text.
/// </summary>
public static class WebhookSecrets
{
    public static string? Resolve(
        string sender, IDictionary<string, string> perSender, string? signingSecret, string? developmentSecret, bool developmentEnvironment,
        IReadOnlyDictionary<string, string>? senderSecretsJson = null)
    {
        ArgumentNullException.ThrowIfNull(perSender);
        if (perSender.TryGetValue(sender, out var own) && ConfiguredSecret.ValueOrNull(own) is { } ownSecret)
        {
            return ownSecret;
        }

        if (senderSecretsJson is not null && senderSecretsJson.TryGetValue(sender, out var listed))
        {
            return listed;
        }

        if (ConfiguredSecret.ValueOrNull(signingSecret) is { } shared)
        {
            return shared;
        }

        return developmentEnvironment ? ConfiguredSecret.ValueOrNull(developmentSecret) : null;
    }
}
