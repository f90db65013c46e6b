using System.Text.Json;

namespace RectifyFlows.Infra.Tests;

/// <summary>The parts of the compiled template the tests look at again and again.</summary>
internal static class TemplateQueries
{
    public static ArmResource FunctionApp(this ArmTemplate template)
    {
        var sites = template.OfType("Microsoft.Web/sites")
            .Where(site => !site.IsExisting && site.Kind?.Contains("functionapp", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.HasCount(1, sites, "Exactly one Function App (Microsoft.Web/sites, kind functionapp) is deployed.");
        return sites[0];
    }

    /// <summary>siteConfig.appSettings as name → value text (values are ARM expressions or literals).</summary>
    public static Dictionary<string, string> AppSettings(this ArmResource site) =>
        site.Property("siteConfig.appSettings").EnumerateArray().ToDictionary(
            setting => setting.GetProperty("name").GetString()!,
            setting => ArmResource.TextOf(setting.GetProperty("value")),
            StringComparer.Ordinal);

    /// <summary>The expression main.bicep passes for the identity the app runs as (its identity module's output).</summary>
    public static string AppIdentity(this ArmTemplate template)
    {
        var site = template.FunctionApp();
        var identities = site.Element.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().ToList();
        Assert.HasCount(1, identities, "The Function App has exactly one user-assigned identity.");
        var passedIn = site.Template.IdentityPassedIn(identities[0].Name);
        Assert.IsNotNull(passedIn, $"The app's identity key {identities[0].Name} names no identity passed in by main.bicep.");
        return passedIn;
    }

    public static JsonElement HostJson() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("host.json"))).RootElement.Clone();

    /// <summary>extensions.durableTask.storageProvider.connectionName of the root host.json (AzureWebJobsStorage if absent).</summary>
    public static string DurableConnectionName()
    {
        var provider = HostJson().GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");
        return provider.TryGetProperty("connectionName", out var name) ? name.GetString()! : "AzureWebJobsStorage";
    }
}
