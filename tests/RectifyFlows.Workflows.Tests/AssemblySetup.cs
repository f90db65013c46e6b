using RectifyFlows.Testing;

namespace RectifyFlows.Workflows.Tests;

/// <summary>Stops the run's shared Azurite when the assembly's tests are done, so no emulator outlives the test run.</summary>
[TestClass]
public static class AssemblySetup
{
    [AssemblyCleanup]
    public static Task StopAzuriteAsync() => TestStorage.StopAsync();
}
