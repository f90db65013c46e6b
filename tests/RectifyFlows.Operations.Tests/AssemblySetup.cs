using RectifyFlows.Testing;

namespace RectifyFlows.Operations.Tests;

/// <summary>Stops the run's shared Azurite when the assembly's tests are done.</summary>
[TestClass]
public static class AssemblySetup
{
    [AssemblyCleanup]
    public static Task StopAzuriteAsync() => TestStorage.StopAsync();
}
