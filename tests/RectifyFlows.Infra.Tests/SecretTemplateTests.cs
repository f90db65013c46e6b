using System.Text.RegularExpressions;

namespace RectifyFlows.Infra.Tests;

/// <summary>No storage key, SAS or secret value reaches an app setting: secrets are Key Vault references only.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed partial class SecretTemplateTests : TemplateTests
{
    /// <summary>The app settings that carry secrets and the Key Vault secret each refers to (docs/deployment.md).</summary>
    private static readonly Dictionary<string, string> SecretSettings = new(StringComparer.Ordinal)
    {
        ["RectifyFlows__Notifications__Smtp__Password"] = "smtp-password",
        ["RectifyFlows__Notifications__Twilio__AuthToken"] = "twilio-auth-token",
        ["RectifyFlows__Notifications__WeCom__Key"] = "wecom-robot-key",
        ["RectifyFlows__Notifications__DingTalk__AccessToken"] = "dingtalk-robot-token",
        ["RectifyFlows__Notifications__DingTalk__Secret"] = "dingtalk-robot-secret",
        ["RectifyFlows__Webhooks__SigningSecret"] = "webhook-signing-secret",
        ["RectifyFlows__Webhooks__SenderSecrets"] = "webhook-sender-secrets",
    };

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Template_NeverReadsStorageKeysOrSasTokens()
    {
        var compilation = await CompiledMain.GetAsync(Ct);
        Assert.IsNotNull(compilation.Json, compilation.Result.ToString());

        string[] forbidden = ["listKeys(", "listAccountSas(", "listServiceSas(", "AccountKey=", "SharedAccessSignature", "DefaultEndpointsProtocol"];
        foreach (var text in forbidden)
        {
            Assert.DoesNotContain(text, compilation.Json, StringComparison.OrdinalIgnoreCase, $"The template contains {text}.");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task SecretSettings_AreKeyVaultReferences_ToSecretsTheVaultCanHold()
    {
        var template = await TemplateAsync();
        var settings = template.FunctionApp().AppSettings();
        var secretResources = template.OfType("Microsoft.KeyVault/vaults/secrets").Select(secret => secret.Name).ToList();

        foreach (var (setting, secret) in SecretSettings)
        {
            Assert.IsTrue(settings.TryGetValue(setting, out var value), $"{setting} is missing.");
            Assert.AreEqual($"[format('@Microsoft.KeyVault(VaultName={{0}};SecretName={secret})', parameters('keyVaultName'))]", value, setting);
            Assert.IsTrue(secretResources.Any(name => name.Contains($"'{secret}'", StringComparison.Ordinal)),
                $"The vault module can write no secret named {secret}.");
        }

        // The vault the references name is the one the template creates.
        StringAssert.Contains(template.BySymbol("functionApp")!.ParameterValue("keyVaultName")!, "reference('keyVault')");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppSettings_HoldNoSecretValues()
    {
        var template = await TemplateAsync();
        var site = template.FunctionApp();
        var settings = site.AppSettings();

        foreach (var (name, value) in settings)
        {
            if (SecretName().IsMatch(name))
            {
                StringAssert.StartsWith(value, "[format('@Microsoft.KeyVault(", $"{name} looks like a secret but is no Key Vault reference.");
            }

            Assert.IsFalse(value.Contains("listKeys", StringComparison.OrdinalIgnoreCase), $"{name} reads keys.");
        }

        // The app's module takes no secure parameter, so no secret value can reach its settings but by reference.
        Assert.IsEmpty(site.Template.SecureParameters.ToList(), "The Function App module must take no @secure() parameter.");

        // main.bicep's secure parameters go to the Key Vault module and nowhere else.
        var secure = template.SecureParameters.ToList();
        Assert.IsNotEmpty(secure);
        foreach (var module in template.Resources.Where(resource => resource.Nested is not null && resource.Symbol != "keyVault"))
        {
            var text = module.Element.GetProperty("properties").GetProperty("parameters").GetRawText();
            foreach (var parameter in secure)
            {
                Assert.DoesNotContain($"parameters('{parameter}')", text, $"{module} receives the secure parameter {parameter}.");
            }
        }
    }

    // Setting names that carry secrets: passwords, tokens, secrets, keys (not Key Vault's own name).
    [GeneratedRegex("(?i)(password|secret|token|key)$")]
    private static partial Regex SecretName();
}
