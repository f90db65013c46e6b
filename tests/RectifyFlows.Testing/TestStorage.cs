using RectifyFlows.DevServices;

namespace RectifyFlows.Testing;

/// <summary>
/// One real Azurite (in memory, OS-chosen ports) for the whole test run, started on first use and stopped at the
/// end. Set <c>RECTIFYFLOWS_TEST_STORAGE</c> to a connection string to use an emulator or account you run yourself.
/// </summary>
public static class TestStorage
{
    public const string EnvironmentVariable = "RECTIFYFLOWS_TEST_STORAGE";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _server;
    private static string? _connectionString;

    public static async Task<string> ConnectionStringAsync()
    {
        if (_connectionString is not null)
        {
            return _connectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (_connectionString is null)
            {
                var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    _connectionString = configured;
                }
                else
                {
                    var project = NodeProject.Locate(null, RepositoryFiles.Root);
                    await project.EnsureInstalledAsync(_ => { }, CancellationToken.None);
                    _server = await AzuriteServer.StartAsync(project, 0, 0, 0, location: null, CancellationToken.None);
                    _connectionString = _server.ConnectionString;
                }
            }

            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the Azurite this run started (call from [AssemblyCleanup]).</summary>
    public static async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
            _connectionString = null;
        }
    }
}
