namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// Which secret verifies a sender's webhook: its own secret first (one per team or unit, api.md); else the
/// deployment's shared signing secret if one is configured (one Key Vault secret, for small deployments); else, in
/// the Development and Fast environments only, the development secret. Null means the sender is unknown (401).
/// </summary>
public static class WebhookSecrets
{
    public static string? Resolve(
        string sender, IDictionary<string, string> perSender, string? signingSecret, string? developmentSecret, bool developmentEnvironment)
    {
        ArgumentNullException.ThrowIfNull(perSender);
        if (perSender.TryGetValue(sender, out var own) && !string.IsNullOrEmpty(own))
        {
            return own;
        }

        if (!string.IsNullOrEmpty(signingSecret))
        {
            return signingSecret;
        }

        return developmentEnvironment && !string.IsNullOrEmpty(developmentSecret) ? developmentSecret : null;
    }
}
