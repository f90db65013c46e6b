using RectifyFlows.Testing;

[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.MethodLevel)]

namespace RectifyFlows.Notifications.Tests;

[TestClass]
public static class AssemblySetup
{
    [AssemblyCleanup]
    public static Task StopAzuriteAsync() => TestStorage.StopAsync();
}
