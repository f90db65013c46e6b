namespace RectifyFlows.Infra.Tests;

/// <summary>Storage accounts refuse keys, public blobs and plain HTTP; Key Vault authorizes with RBAC.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class StorageAndKeyVaultTemplateTests : TemplateTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task StorageAccounts_RefuseSharedKeysPublicBlobsAndOldTls()
    {
        var template = await TemplateAsync();
        var accounts = template.OfType("Microsoft.Storage/storageAccounts").Where(account => !account.IsExisting).ToList();
        Assert.IsNotEmpty(accounts);

        foreach (var account in accounts)
        {
            Assert.IsFalse(account.Property("allowSharedKeyAccess").GetBoolean(), "allowSharedKeyAccess");
            Assert.IsTrue(account.Property("supportsHttpsTrafficOnly").GetBoolean(), "supportsHttpsTrafficOnly");
            Assert.AreEqual("TLS1_2", account.Property("minimumTlsVersion").GetString());
            Assert.IsFalse(account.Property("allowBlobPublicAccess").GetBoolean(), "allowBlobPublicAccess");
            Assert.IsTrue(account.Property("defaultToOAuthAuthentication").GetBoolean(), "defaultToOAuthAuthentication");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task KeyVault_AuthorizesWithRbac_AndKeepsDeletedSecrets()
    {
        var template = await TemplateAsync();
        var vault = template.OfType("Microsoft.KeyVault/vaults").Single(resource => !resource.IsExisting);

        Assert.IsTrue(vault.Property("enableRbacAuthorization").GetBoolean(), "enableRbacAuthorization");
        Assert.IsFalse(vault.Properties.TryGetProperty("accessPolicies", out _), "An RBAC vault has no access policies.");
        Assert.IsTrue(vault.Property("enableSoftDelete").GetBoolean(), "enableSoftDelete");
        Assert.IsFalse(vault.Property("enabledForTemplateDeployment").GetBoolean(), "enabledForTemplateDeployment");
    }
}
