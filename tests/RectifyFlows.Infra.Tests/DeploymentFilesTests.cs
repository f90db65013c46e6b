using System.Text.Json;
using System.Text.RegularExpressions;

namespace RectifyFlows.Infra.Tests;

/// <summary>azure.yaml, main.parameters.json, host.json and local.settings.example.json agree with the template.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class DeploymentFilesTests : TemplateTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task ParametersFile_SetsEveryRequiredParameter_AndNoUnknownOne()
    {
        var template = await TemplateAsync();
        var declared = template.Root.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        CollectionAssert.IsSubsetOf(given, declared.Keys.ToList(), "main.parameters.json names a parameter main.bicep does not have.");
        var required = declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Key).ToList();
        CollectionAssert.IsSubsetOf(required, given, "main.parameters.json leaves a required parameter to a prompt.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void AzureYaml_DeploysTheFunctionsProject_WithBicepFromInfra()
    {
        var yaml = File.ReadAllText(RepositoryPaths.Of("azure.yaml"));

        Assert.AreEqual("rectifyflows", YamlValue("name").Match(yaml).Groups["value"].Value);
        Assert.AreEqual("bicep", YamlValue("provider").Match(yaml).Groups["value"].Value);
        Assert.AreEqual("infra", YamlValue("path").Match(yaml).Groups["value"].Value);
        Assert.AreEqual("function", YamlValue("host").Match(yaml).Groups["value"].Value);
        Assert.AreEqual("dotnet", YamlValue("language").Match(yaml).Groups["value"].Value);

        var project = YamlValue("project").Match(yaml).Groups["value"].Value;
        Assert.IsTrue(File.Exists(Path.Combine(RepositoryPaths.Root, project, "RectifyFlows.Functions.csproj")), $"azure.yaml project {project}");
        StringAssert.Contains(yaml, "  api:", "The service is called api: the template tags the app azd-service-name=api.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void HostJson_KeepsTheHubName_AndAnIdentityFriendlyConnection()
    {
        var durable = TemplateQueries.HostJson().GetProperty("extensions").GetProperty("durableTask");

        Assert.AreEqual("RectifyFlows", durable.GetProperty("hubName").GetString());
        var provider = durable.GetProperty("storageProvider");
        Assert.AreEqual("DurableTaskStorage", provider.GetProperty("connectionName").GetString());
        var partitions = provider.GetProperty("partitionCount").GetInt32();
        Assert.IsTrue(partitions is >= 1 and <= 16, $"partitionCount {partitions} is outside 1..16.");
        Assert.IsFalse(durable.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean(),
            "Inputs and outputs carry names and phone numbers: keep them out of telemetry.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task TaskHubNameSetting_IsHostJsonsHubName()
    {
        // The Functions app's doctor and `sizes` find the task hub's tables by RectifyFlows:Durable:TaskHubName; the
        // Durable extension names them by host.json's hubName. One without the other reads an empty hub.
        var template = await TemplateAsync();
        var settings = template.FunctionApp().AppSettings();
        var hubName = TemplateQueries.HostJson().GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        Assert.AreEqual(hubName, settings["RectifyFlows__Durable__TaskHubName"]);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task LocalSettingsExample_HasEveryAppSetting_WithLocalDefaults()
    {
        var template = await TemplateAsync();
        var azure = template.FunctionApp().AppSettings();
        using var file = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("functions", "RectifyFlows.Functions", "local.settings.example.json")));
        var local = file.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);

        // In Azure the ledger is reached by endpoint + identity; locally by Azurite's connection string.
        var expected = azure.Keys.Where(name => name.StartsWith("RectifyFlows__", StringComparison.Ordinal))
            .Where(name => name != "RectifyFlows__Storage__TableServiceUri");
        foreach (var name in expected)
        {
            Assert.IsTrue(local.ContainsKey(name), $"local.settings.example.json lacks {name}.");
        }

        Assert.AreEqual("UseDevelopmentStorage=true", local["RectifyFlows__Storage__ConnectionString"]);
        Assert.AreEqual("UseDevelopmentStorage=true", local["AzureWebJobsStorage"]);
        Assert.AreEqual("UseDevelopmentStorage=true", local[TemplateQueries.DurableConnectionName()]);
        Assert.AreEqual("dotnet-isolated", local["FUNCTIONS_WORKER_RUNTIME"]);
    }

    // The first "key: value" line of azure.yaml for that key (enough for this flat file; no YAML parser needed).
    private static Regex YamlValue(string key) =>
        new($@"^\s*{Regex.Escape(key)}:\s*(?<value>[^\s#]+)\s*(#.*)?$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
}
