using System.Globalization;
using System.Text.RegularExpressions;

namespace RectifyFlows.DevServices;

/// <summary>A running MailDev: a real SMTP server that keeps what it receives, readable at <c>GET /api/email</c> on its web port.</summary>
public sealed partial class MailDevServer : IAsyncDisposable
{
    private readonly NodeServiceProcess _process;

    private MailDevServer(NodeServiceProcess process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }
    public int ProcessId => _process.ProcessId;
    public int WebPort { get; }
    public Uri WebUri => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{WebPort}/"));

    /// <summary>
    /// Starts MailDev on 127.0.0.1. With a <c>mailDirectory</c> it keeps each mail there as a <c>.eml</c> file and
    /// reloads them on start (mail survives a restart); without, mail lives in memory.
    /// </summary>
    public static async Task<MailDevServer> StartAsync(
        NodeProject project, int smtpPort, int webPort, CancellationToken cancellationToken, string? mailDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        List<string> arguments =
        [
            "--smtp", smtpPort.ToString(CultureInfo.InvariantCulture), "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
        ];
        if (mailDirectory is not null)
        {
            Directory.CreateDirectory(mailDirectory);
            arguments.AddRange(["--mail-directory", mailDirectory]);
        }

        var (process, _) = await NodeServiceProcess.StartAsync(
            "MailDev", project.Root, project.MailDevScript,
            arguments,
            [SmtpReady(), WebReady()], TimeSpan.FromSeconds(60), cancellationToken);
        return new MailDevServer(process, smtpPort, webPort);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex("MailDev API running at")]
    private static partial Regex SmtpReady();

    [GeneratedRegex("Press Ctrl\\+C to stop")]
    private static partial Regex WebReady();
}
