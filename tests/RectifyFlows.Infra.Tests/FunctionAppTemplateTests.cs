using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RectifyFlows.Infra.Tests;

/// <summary>The Function App in the compiled template: Flex Consumption, .NET isolated, HTTPS only, identity-based connections.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed partial class FunctionAppTemplateTests : TemplateTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task FunctionApp_RunsOnFlexConsumption_WithTheDotnetVersionTheAppTargets()
    {
        var template = await TemplateAsync();
        var site = template.FunctionApp();

        var plans = site.Template.OfType("Microsoft.Web/serverfarms").ToList();
        Assert.HasCount(1, plans);
        var sku = plans[0].Element.GetProperty("sku");
        Assert.AreEqual("FC1", sku.GetProperty("name").GetString());
        Assert.AreEqual("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.IsTrue(plans[0].Property("reserved").GetBoolean(), "Flex Consumption is Linux: reserved must be true.");
        StringAssert.Contains(site.Kind!, "linux");
        StringAssert.Contains(ArmResource.TextOf(site.Property("serverFarmId")), "Microsoft.Web/serverfarms");

        var runtime = site.Property("functionAppConfig.runtime");
        Assert.AreEqual("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.AreEqual(TargetDotnetVersion(), runtime.GetProperty("version").GetString(), "runtime.version follows <TargetFramework>.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task FunctionApp_RunsAsTheUserAssignedIdentity_ForKeyVaultAndDeployment()
    {
        var template = await TemplateAsync();
        var site = template.FunctionApp();
        var identity = template.AppIdentity();

        Assert.AreEqual("UserAssigned", site.Element.GetProperty("identity").GetProperty("type").GetString());
        Assert.AreEqual(identity, site.Template.IdentityPassedIn(ArmResource.TextOf(site.Property("keyVaultReferenceIdentity"))),
            "Key Vault references resolve as the user-assigned identity.");

        var deployment = site.Property("functionAppConfig.deployment.storage");
        Assert.AreEqual("blobContainer", deployment.GetProperty("type").GetString());
        var authentication = deployment.GetProperty("authentication");
        Assert.AreEqual("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.AreEqual(identity, site.Template.IdentityPassedIn(authentication.GetProperty("userAssignedIdentityResourceId").GetString()!));

        // The identity main.bicep passes is the output of the module that creates it.
        var module = IdentityModule().Match(identity);
        Assert.IsTrue(module.Success, $"The app's identity {identity} is not a module output.");
        var created = template.BySymbol(module.Groups["symbol"].Value)?.Nested?.Resources
            .Where(resource => resource.Type == ArmTemplate.IdentityType && !resource.IsExisting);
        Assert.IsNotNull(created);
        Assert.HasCount(1, created, "The identity module creates the user-assigned identity.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task FunctionApp_AcceptsOnlyHttpsAndTls12_WithFtpAndBasicAuthOff()
    {
        var template = await TemplateAsync();
        var site = template.FunctionApp();

        Assert.IsTrue(site.Property("httpsOnly").GetBoolean(), "httpsOnly");
        Assert.AreEqual("1.2", site.Property("siteConfig.minTlsVersion").GetString());
        Assert.AreEqual("1.2", site.Property("siteConfig.scmMinTlsVersion").GetString());
        Assert.AreEqual("Disabled", site.Property("siteConfig.ftpsState").GetString());

        var policies = site.Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        foreach (var kind in new[] { "ftp", "scm" })
        {
            var policy = policies.SingleOrDefault(p => p.Name.EndsWith($"'{kind}')]", StringComparison.Ordinal) || p.Name.EndsWith($"/{kind}", StringComparison.Ordinal));
            Assert.IsNotNull(policy, $"No basicPublishingCredentialsPolicies '{kind}'.");
            Assert.IsFalse(policy.Property("allow").GetBoolean(), $"Basic auth for {kind} must be off.");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppSettings_ConnectHostTaskHubAndLedger_WithTheManagedIdentity()
    {
        var template = await TemplateAsync();
        var site = template.FunctionApp();
        var settings = site.AppSettings();
        var identity = template.AppIdentity();

        foreach (var connection in new[] { "AzureWebJobsStorage", TemplateQueries.DurableConnectionName() })
        {
            Assert.IsFalse(settings.ContainsKey(connection), $"{connection} must not be a connection string in Azure.");
            Assert.IsTrue(settings.ContainsKey($"{connection}__accountName"), $"{connection}__accountName is missing.");
            Assert.AreEqual("managedidentity", settings[$"{connection}__credential"]);
            AssertClientIdOf(identity, site, settings[$"{connection}__clientId"], $"{connection}__clientId");
        }

        // DefaultAzureCredential (the ledger's TableServiceClient) needs the client id to pick a user-assigned identity.
        AssertClientIdOf(identity, site, settings["AZURE_CLIENT_ID"], "AZURE_CLIENT_ID");
        StringAssert.Contains(settings["RectifyFlows__Storage__TableServiceUri"], "primaryEndpoints.table");
        Assert.IsFalse(settings.ContainsKey("RectifyFlows__Storage__ConnectionString"), "The ledger must not use a connection string in Azure.");

        // Application Insights with Entra ID: local auth is off on the component.
        Assert.AreEqual(
            $"[format('ClientId={{0}};Authorization=AAD', {ClientIdExpression(settings["AZURE_CLIENT_ID"])})]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        var insights = template.OfType("Microsoft.Insights/components").Single(component => !component.IsExisting);
        Assert.IsTrue(insights.Property("DisableLocalAuth").GetBoolean(), "Application Insights accepts only Entra ID.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task AppSettings_LeaveOut_WhatFlexConsumptionRejectsOrIgnores()
    {
        var template = await TemplateAsync();
        var settings = template.FunctionApp().AppSettings();

        // Flex Consumption takes the runtime from functionAppConfig and refuses these; WEBSITE_TIME_ZONE it ignores
        // (Linux, UTC), so the schedules are written in UTC and the app reads them in UTC (ADR 0014).
        string[] refused =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION",
            "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_TIME_ZONE",
        ];
        foreach (var name in refused)
        {
            Assert.IsFalse(settings.ContainsKey(name), $"{name} must not be set on Flex Consumption.");
        }

        Assert.AreEqual("UTC", settings["RectifyFlows__Schedules__TimeZone"]);
        Assert.IsFalse(settings.ContainsKey("RectifyFlows__Scheduling__TimeZone"), "the one name both hosts read is RectifyFlows:Schedules:TimeZone");
    }

    private static void AssertClientIdOf(string identity, ArmResource site, string value, string setting)
    {
        Assert.AreEqual(identity, site.Template.IdentityPassedIn(value), $"{setting} is not the app identity's: {value}");
        Assert.IsTrue(value.EndsWith(".clientId]", StringComparison.Ordinal), $"{setting} is not a client id: {value}");
    }

    // "[reference(...).clientId]" → "reference(...).clientId", for use inside another expression.
    private static string ClientIdExpression(string setting) => setting[1..^1];

    private static string TargetDotnetVersion()
    {
        var framework = XDocument.Load(RepositoryPaths.Of("Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var match = TargetFramework().Match(framework);
        Assert.IsTrue(match.Success, $"Unexpected TargetFramework {framework}.");
        return match.Groups["version"].Value;
    }

    [GeneratedRegex(@"^net(?<version>\d+\.\d+)$")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"^\[reference\('(?<symbol>[A-Za-z0-9_]+)'\)\.outputs\.name\.value\]$")]
    private static partial Regex IdentityModule();
}
