using System.Globalization;
using System.Text.RegularExpressions;

namespace RectifyFlows.DevServices;

/// <summary>A running Azurite (Table, Blob and Queue emulator) and the connection string that reaches it.</summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account; public by design, not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly NodeServiceProcess _process;

    private AzuriteServer(NodeServiceProcess process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int ProcessId => _process.ProcessId;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");

    /// <summary>
    /// Starts Azurite on 127.0.0.1. Port 0 lets the OS pick a free one (read back from Azurite's output), which is
    /// what tests do. With <paramref name="location"/> data persists on disk; without, it lives in memory.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(
        NodeProject project, int blobPort, int queuePort, int tablePort, string? location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        List<string> arguments =
        [
            "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(blobPort), "--queuePort", Port(queuePort), "--tablePort", Port(tablePort),
        ];
        if (location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }

        var (process, ports) = await NodeServiceProcess.StartAsync(
            "Azurite", project.Root, project.AzuriteScript, arguments,
            [BlobReady(), QueueReady(), TableReady()], TimeSpan.FromSeconds(60), cancellationToken);
        return new AzuriteServer(process, int.Parse(ports[0], CultureInfo.InvariantCulture),
            int.Parse(ports[1], CultureInfo.InvariantCulture), int.Parse(ports[2], CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Blob service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex BlobReady();

    [GeneratedRegex(@"Queue service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex QueueReady();

    [GeneratedRegex(@"Table service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex TableReady();
}
