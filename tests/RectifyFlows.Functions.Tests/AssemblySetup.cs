using RectifyFlows.Testing;

namespace RectifyFlows.Functions.Tests;

/// <summary>Stops the Azurite the harness tests started.</summary>
[TestClass]
public static class AssemblySetup
{
    [AssemblyCleanup]
    public static Task StopAzuriteAsync() => TestStorage.StopAsync();
}
