using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace RectifyFlows.Functions.Durable;

/// <summary>
/// The table service of the Durable extension's own connection (host.json <c>storageProvider.connectionName</c>,
/// <c>DurableTaskStorage</c>), read the way the Functions host reads it: a connection string under the name, or an
/// identity-based connection (<c>__accountName</c> or <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>).
/// The doctor and the sizes route read the task hub's tables through it: the hub may live in another account than the
/// ledger (infra puts it there), so the ledger's connection would find no hub, or the wrong one.
/// </summary>
public static class DurableTaskStorageConnection
{
    /// <summary>host.json's <c>extensions.durableTask.storageProvider.connectionName</c>.</summary>
    public const string Name = "DurableTaskStorage";

    /// <summary>The hub's table service, or null when the connection is not configured (the caller falls back to the ledger's).</summary>
    public static TableServiceClient? CreateTableServiceClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new TableServiceClient(section.Value);
        }

        var uri = section["tableServiceUri"] is { Length: > 0 } explicitUri
            ? new Uri(explicitUri)
            : section["accountName"] is { Length: > 0 } account
                ? new Uri($"https://{account}.table.core.windows.net")
                : null;
        if (uri is null)
        {
            return null;
        }

        // "managedidentity" with a client id is what infra/ sets (a user-assigned identity); otherwise the default chain.
        var clientId = section["clientId"];
        var credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : (Azure.Core.TokenCredential)new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new TableServiceClient(uri, credential);
    }

    /// <summary>
    /// The task hub's name: <c>RectifyFlows:Durable:TaskHubName</c>, which infra/ holds equal to host.json's
    /// <c>hubName</c>; host.json's default otherwise.
    /// </summary>
    public static string TaskHubName(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["RectifyFlows:Durable:TaskHubName"] is { Length: > 0 } name ? name : "RectifyFlows";
    }
}
