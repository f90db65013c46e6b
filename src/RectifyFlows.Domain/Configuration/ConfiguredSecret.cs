namespace RectifyFlows.Domain.Configuration;

/// <summary>
/// The one rule for reading a secret from configuration: an App Service Key Vault reference that the platform could not
/// resolve (the secret does not exist yet, or the identity may not read it) arrives as the literal text
/// <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c>, and that text is NOT a secret: it is treated as unset, so a
/// webhook signed with it answers 401 and a channel whose key it is stays off (fail closed).
/// </summary>
public static class ConfiguredSecret
{
    /// <summary>The prefix App Service leaves on a setting it could not resolve (also <c>@Microsoft.AppConfiguration(</c>).</summary>
    private static readonly string[] UnresolvedPrefixes = ["@Microsoft.KeyVault(", "@Microsoft.AppConfiguration("];

    /// <summary>True for a platform reference left unresolved.</summary>
    public static bool IsUnresolvedReference(string? value) =>
        value is not null && UnresolvedPrefixes.Any(prefix => value.TrimStart().StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value, or null when it is empty, blank or an unresolved reference.</summary>
    public static string? ValueOrNull(string? value) =>
        string.IsNullOrWhiteSpace(value) || IsUnresolvedReference(value) ? null : value;

    /// <summary>True when <see cref="ValueOrNull"/> gives a value.</summary>
    public static bool IsSet(string? value) => ValueOrNull(value) is not null;
}
