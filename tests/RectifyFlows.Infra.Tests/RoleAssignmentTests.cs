namespace RectifyFlows.Infra.Tests;

/// <summary>The app's identity holds exactly the data roles identity-based connections need, on the right resources.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class RoleAssignmentTests : TemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppIdentity_HasBlobQueueAndTableDataRoles_OnEveryStorageAccount()
    {
        var template = await TemplateAsync();
        var identity = template.AppIdentity();
        var accounts = template.OfType("Microsoft.Storage/storageAccounts").Where(account => !account.IsExisting).ToList();
        Assert.IsNotEmpty(accounts);

        foreach (var account in accounts)
        {
            var roles = AppRolesIn(account.Template, identity, "Microsoft.Storage/storageAccounts");
            CollectionAssert.IsSubsetOf(
                new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }, roles,
                $"Roles of the app identity on {account.Template.Deployment}: {string.Join(", ", roles)}");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppIdentity_ReadsKeyVaultSecrets_AndPublishesTelemetry()
    {
        var template = await TemplateAsync();
        var identity = template.AppIdentity();

        var vault = template.OfType("Microsoft.KeyVault/vaults").Single(resource => !resource.IsExisting);
        CollectionAssert.Contains(AppRolesIn(vault.Template, identity, "Microsoft.KeyVault/vaults"), KeyVaultSecretsUser);

        var insights = template.OfType("Microsoft.Insights/components").Single(resource => !resource.IsExisting);
        CollectionAssert.Contains(AppRolesIn(insights.Template, identity, "Microsoft.Insights/components"), MonitoringMetricsPublisher);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppIdentity_GetsNoControlPlaneRole()
    {
        var template = await TemplateAsync();
        var identity = template.AppIdentity();
        string[] dataRoles =
        [
            StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsUser, MonitoringMetricsPublisher,
        ];

        var granted = template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => IsFor(assignment, identity))
            .Select(RoleOf)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.IsNotEmpty(granted);
        CollectionAssert.IsSubsetOf(granted, dataRoles, $"The app identity gets only data-plane roles: {string.Join(", ", granted)}");
    }

    private static List<string> AppRolesIn(ArmTemplate template, string identity, string scopeType) =>
        [
            .. template.Resources
                .Where(resource => resource.Type == "Microsoft.Authorization/roleAssignments" && IsFor(resource, identity))
                .Where(resource => ArmResource.TextOf(resource.Element.GetProperty("scope")).Contains(scopeType, StringComparison.Ordinal))
                .Select(RoleOf),
        ];

    private static bool IsFor(ArmResource assignment, string identity) =>
        assignment.Template.IdentityPassedIn(ArmResource.TextOf(assignment.Property("principalId"))) == identity
        && assignment.Property("principalType").GetString() == "ServicePrincipal";

    private static string RoleOf(ArmResource assignment)
    {
        var definition = assignment.Template.Resolve(ArmResource.TextOf(assignment.Property("roleDefinitionId")));
        const string Prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '";
        Assert.IsTrue(definition.StartsWith(Prefix, StringComparison.Ordinal), $"Unexpected roleDefinitionId {definition}.");
        return definition[Prefix.Length..definition.IndexOf('\'', Prefix.Length)];
    }
}
