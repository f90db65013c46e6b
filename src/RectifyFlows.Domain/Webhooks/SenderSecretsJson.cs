using System.Text.Json;

namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// Per-sender webhook secrets given as one JSON object, <c>{"team-1": "secret", "hotline-12317": "secret"}</c>: the
/// deployment keeps them in one Key Vault secret (<c>webhook-sender-secrets</c>) behind one app setting, because sender ids
/// such as <c>team-1</c> cannot be app-setting names on Linux and every setting outside the template is erased by the
/// next <c>azd provision</c>. Anything but an object of strings (or an unresolved reference) counts as no secrets at all.
/// </summary>
public static class SenderSecretsJson
{
    /// <summary>The senders' secrets; empty when <paramref name="json"/> is unset or unresolved; false when it is malformed.</summary>
    public static bool TryParse(string? json, out IReadOnlyDictionary<string, string> secrets)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        secrets = parsed;
        if (Configuration.ConfiguredSecret.ValueOrNull(json) is not { } text)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var sender in document.RootElement.EnumerateObject())
            {
                if (sender.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sender.Value.GetString()))
                {
                    parsed.Clear();
                    return false;
                }

                parsed[sender.Name] = sender.Value.GetString()!;
            }

            return true;
        }
        catch (JsonException)
        {
            parsed.Clear();
            return false;
        }
    }
}
