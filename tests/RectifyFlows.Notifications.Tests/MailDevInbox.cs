using System.Text.Json;
using RectifyFlows.DevServices;

namespace RectifyFlows.Notifications.Tests;

/// <summary>A real MailDev on free ports, started and stopped by the test, read back through its REST API (<c>GET /api/email</c>).</summary>
internal sealed class MailDevInbox : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private MailDevServer? _server;

    private MailDevInbox(int smtpPort, int webPort)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    /// <summary>Picks free ports; starts the server unless asked not to.</summary>
    public static async Task<MailDevInbox> CreateAsync(bool start, CancellationToken cancellationToken)
    {
        var inbox = new MailDevInbox(TestPorts.Next(), TestPorts.Next());
        if (start)
        {
            await inbox.StartAsync(cancellationToken);
        }

        return inbox;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var project = NodeProject.Locate(null, RepositoryFiles.Root);
        await project.EnsureInstalledAsync(_ => { }, cancellationToken);
        _server = await MailDevServer.StartAsync(project, SmtpPort, WebPort, cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    /// <summary>Every mail MailDev holds (its <c>GET /api/email</c>; MailDev 3 serves nothing at <c>/email</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> EmailsAsync(CancellationToken cancellationToken)
    {
        var json = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{WebPort}/api/email"), cancellationToken);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Waits (briefly) until at least <paramref name="count"/> mails are there, then returns them all.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            var emails = await EmailsAsync(cancellationToken);
            if (emails.Count >= count || i >= 50)
            {
                return emails;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
    }

}
