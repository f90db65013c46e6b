namespace RectifyFlows.Testing;

/// <summary>
/// The base of a host test class whose tests start host processes of their own (cycles, kills and restarts, verbs) on
/// the test's fresh tables (<see cref="LedgerTests"/>). Every host a test starts is stopped after it, before its tables
/// are deleted, also when the test fails; a test that kills and restarts simply starts the next one.
/// </summary>
public abstract class HostTests : LedgerTests
{
    private readonly List<HostProcess> _hosts = [];

    /// <summary>Starts the host on this test's tables and task hub (see <see cref="HostProcess.StartAsync"/>).</summary>
    protected async Task<HostProcess> StartHostAsync(IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        var host = await HostProcess.StartAsync(Ledger.Prefix, settings, environment);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Runs a verb of the host on this test's tables (see <see cref="HostProcess.RunVerbAsync"/>).</summary>
    protected Task<(int ExitCode, string Output)> RunVerbAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? settings = null, string environment = "Development") =>
        HostProcess.RunVerbAsync(Ledger.Prefix, arguments, settings, environment);

    [TestCleanup]
    public async Task StopHostsAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }
}
