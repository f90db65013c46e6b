using System.Text.RegularExpressions;

namespace RectifyFlows.Infra.Tests;

/// <summary><c>bicep build</c> and <c>bicep lint</c> of infra/ report nothing: no errors, no warnings (CI gate).</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)] // The CLI comes from Azure.Bicep.CommandLine.linux-x64.
public sealed partial class BicepCliTests : TemplateTests
{
    public static IEnumerable<object[]> BicepFiles =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetRelativePath(RepositoryPaths.Root, path) });

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Build_CompilesMainTemplate_WithoutDiagnostics()
    {
        var compilation = await CompiledMain.GetAsync(Ct);

        Assert.AreEqual(0, compilation.Result.ExitCode, compilation.Result.ToString());
        AssertNoDiagnostics(compilation.Result);
        Assert.IsNotNull(compilation.Json, "bicep build wrote no ARM JSON.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    [DynamicData(nameof(BicepFiles))]
    public async Task Lint_ReportsNothing_ForEachBicepFile(string relativePath)
    {
        var result = await BicepCli.RunAsync(["lint", Path.Combine(RepositoryPaths.Root, relativePath)], Ct);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        AssertNoDiagnostics(result);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void Infra_ReferencesNoRegistryModules()
    {
        // Only local modules: CI has no internet, and a registry module is code this repository does not review.
        foreach (var file in BicepFiles.Select(row => (string)row[0]))
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
            Assert.IsFalse(RegistryModule().IsMatch(text), $"{file} references a registry or template-spec module.");
        }
    }

    private static void AssertNoDiagnostics(BicepCli.Result result) =>
        Assert.IsFalse(Diagnostic().IsMatch(result.Everything), $"Bicep reported diagnostics:\n{result}");

    // Bicep prints "<file>(line,col) : Warning <code>: <message>" (also Error and Info).
    [GeneratedRegex(@"\) : (Error|Warning|Info) ", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"module\s+\w+\s+'(br|ts)[:/]", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryModule();
}
