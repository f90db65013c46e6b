using System.Text.Json.Nodes;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The pretend Azure deployment the template's settings are evaluated against: the values main.bicep would pass to the
/// Function App module, and what <c>reference()</c>/<c>list*()</c> of the deployed identity, storage account and
/// Application Insights return. Names are fixed and fake; nothing here reaches Azure.
/// </summary>
public sealed class DeployedResources
{
    public const string IdentityClientId = "00000000-0000-0000-0000-00000000c1d0";

    /// <summary>The Function App module's parameters (anything not given falls back to the module's or main's default).</summary>
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal)
    {
        ["name"] = "func-rectifyflows-harness",
        ["planName"] = "plan-rectifyflows-harness",
        ["location"] = "eastasia",
        ["identityName"] = "id-rectifyflows-harness",
        ["storageAccountName"] = "strfharness",
        ["taskHubStorageAccountName"] = "strfharness",
        ["deploymentContainerName"] = "app-package",
        ["applicationInsightsName"] = "appi-rectifyflows-harness",
        ["keyVaultName"] = "kv-rf-harness",
        ["tablePrefix"] = string.Empty,
    };

    /// <summary>App settings already on the site before this provision (what a merge of existing settings would read).</summary>
    public Dictionary<string, string> ExistingAppSettings { get; } = new(StringComparer.Ordinal);

    internal JsonNode? Reference(string resourceId)
    {
        var segments = resourceId.Split('/');
        var name = segments[^1];
        if (resourceId.Contains("/Microsoft.ManagedIdentity/userAssignedIdentities/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["clientId"] = IdentityClientId, ["principalId"] = "00000000-0000-0000-0000-0000000000d1", ["tenantId"] = "harness" };
        }

        if (resourceId.Contains("/Microsoft.Storage/storageAccounts/", StringComparison.OrdinalIgnoreCase))
        {
            JsonObject endpoints = new();
            foreach (var service in new[] { "blob", "queue", "table", "file" })
            {
                endpoints[service] = $"https://{name}.{service}.core.windows.net/";
            }

            return new JsonObject { ["primaryEndpoints"] = endpoints };
        }

        if (resourceId.Contains("/Microsoft.Insights/components/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["ConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/" };
        }

        if (resourceId.Contains("/Microsoft.Web/sites/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["defaultHostName"] = $"{Parameters["name"]}.azurewebsites.net" };
        }

        throw new InvalidOperationException($"The harness does not fake reference({resourceId}).");
    }

    internal JsonNode? List(string function, string resourceId)
    {
        if (resourceId.Contains("/Microsoft.Web/sites/", StringComparison.OrdinalIgnoreCase) && resourceId.EndsWith("appsettings", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject { ["properties"] = new JsonObject([.. ExistingAppSettings.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]) };
        }

        throw new InvalidOperationException($"The harness does not fake {function}({resourceId}).");
    }
}
