using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Api.Webhooks;

/// <summary>Webhook signing; bound from <c>RectifyFlows:Webhooks</c>. Secrets come from configuration / Key Vault, never code.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "RectifyFlows:Webhooks";

    /// <summary>Secret per sender (team or unit id) → HMAC key: <c>RectifyFlows:Webhooks:Secrets:{sender}</c>.</summary>
    public IDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Per-sender secrets as one JSON object (<c>{"team-1": "…"}</c>), the deployment's Key Vault secret
    /// <c>webhook-sender-secrets</c>; a <see cref="Secrets"/> entry for the same sender wins. Malformed JSON counts as
    /// none (fail closed) and is reported at start by <c>ConfigurationReport</c>.
    /// </summary>
    public string? SenderSecrets { get; set; }

    /// <summary>One secret for every sender without its own (the deployment's Key Vault secret <c>webhook-signing-secret</c>).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>One secret for every sender, honoured only in the Development and Fast environments.</summary>
    public string? DevelopmentSecret { get; set; }

    /// <summary>How far the signature's timestamp may be from now.</summary>
    [Range(1, 3600)]
    public int ToleranceSeconds { get; set; } = 300;
}
