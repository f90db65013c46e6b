using System.Text.Json;

namespace RectifyFlows.Functions.Tests;

[TestClass]
public sealed class FunctionsBuildOutputTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void BuildOutput_ShipsRootHostJson_Unchanged()
    {
        var shipped = FunctionsOutput.PathOf("host.json");
        Assert.IsTrue(File.Exists(shipped), $"{shipped} is missing.");

        var root = Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "host.json");
        CollectionAssert.AreEqual(File.ReadAllBytes(root), File.ReadAllBytes(shipped), "The output's host.json differs from the root host.json.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsHealth_AsAnonymousHttpGetOnHealthz()
    {
        var metadata = FunctionsOutput.PathOf("functions.metadata");
        Assert.IsTrue(File.Exists(metadata), $"{metadata} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(metadata));

        var health = document.RootElement.EnumerateArray()
            .Single(function => function.GetProperty("name").GetString() == "Health");
        var trigger = health.GetProperty("bindings").EnumerateArray()
            .Single(binding => binding.GetProperty("direction").GetString() == "In");

        Assert.AreEqual("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.AreEqual("healthz", trigger.GetProperty("route").GetString());
        Assert.AreEqual("Anonymous", trigger.GetProperty("authLevel").GetString());
        CollectionAssert.AreEqual(new[] { "get" }, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void WorkerConfig_Exists_AndStartsTheFunctionsAssembly()
    {
        var workerConfig = FunctionsOutput.PathOf("worker.config.json");
        Assert.IsTrue(File.Exists(workerConfig), $"{workerConfig} is missing.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(workerConfig));

        var executable = document.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString();
        Assert.AreEqual("RectifyFlows.Functions.dll", executable);
    }
}
