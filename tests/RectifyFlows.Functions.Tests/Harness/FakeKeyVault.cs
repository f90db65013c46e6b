using System.Text.RegularExpressions;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// Resolves <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c> app settings as App Service does before the worker
/// starts: a secret that exists replaces the reference; one that does not (or a wrong vault) leaves the literal text,
/// which is what a deployed app reads until an operator sets the secret.
/// </summary>
public sealed partial class FakeKeyVault(string vaultName)
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.OrdinalIgnoreCase);

    public string VaultName { get; } = vaultName;

    public FakeKeyVault Set(string secretName, string value)
    {
        _secrets[secretName] = value;
        return this;
    }

    /// <summary>The value the app sees for an app setting.</summary>
    public string Resolve(string value)
    {
        var match = Reference().Match(value.Trim());
        return match.Success
            && string.Equals(match.Groups["vault"].Value, VaultName, StringComparison.OrdinalIgnoreCase)
            && _secrets.TryGetValue(match.Groups["secret"].Value, out var secret)
                ? secret
                : value;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(VaultName=(?<vault>[^;]+);SecretName=(?<secret>[^;)]+)(;SecretVersion=[^)]*)?\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
