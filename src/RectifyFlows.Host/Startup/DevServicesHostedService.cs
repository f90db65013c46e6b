using Microsoft.Extensions.Options;
using RectifyFlows.DevServices;
using RectifyFlows.Storage;

namespace RectifyFlows.Host.Startup;

/// <summary>
/// Starts Azurite (with disk persistence) and MailDev as child processes when the app is configured for development
/// storage and nothing listens on their ports yet, installing them with npm first if needed; stops them on exit.
/// Registered first, so it runs before anything touches storage.
/// </summary>
public sealed partial class DevServicesHostedService(
    IOptions<DevServicesOptions> options,
    IOptions<StorageOptions> storage,
    IHostEnvironment environment,
    ILogger<DevServicesHostedService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteServer? _azurite;
    private MailDevServer? _mailDev;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || DevelopmentStorage.Ports(storage.Value.ConnectionString) is not { } ports)
        {
            return;
        }

        var project = NodeProject.Locate(settings.WorkingDirectory, environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var needAzurite = !await PortProbe.IsListeningAsync(ports.Table, cancellationToken);
        var needMailDev = settings.StartMailDev && !await PortProbe.IsListeningAsync(settings.SmtpPort, cancellationToken);
        if (!needAzurite)
        {
            LogUsingRunning("Azurite", ports.Table);
        }

        if (!needMailDev && settings.StartMailDev)
        {
            LogUsingRunning("MailDev", settings.SmtpPort);
        }

        if (needAzurite || needMailDev)
        {
            await project.EnsureInstalledAsync(message => LogInstalling(message), cancellationToken);
        }

        if (needAzurite)
        {
            var location = Path.Combine(project.Root, settings.DataDirectory);
            _azurite = await AzuriteServer.StartAsync(project, ports.Blob, ports.Queue, ports.Table, location, cancellationToken);
            LogAzuriteStarted(_azurite.ProcessId, _azurite.TablePort, location);
        }

        if (needMailDev)
        {
            _mailDev = await MailDevServer.StartAsync(project, settings.SmtpPort, settings.MailDevWebPort, cancellationToken);
            LogMailDevStarted(_mailDev.SmtpPort, _mailDev.WebUri);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_mailDev is not null)
        {
            await _mailDev.DisposeAsync();
            _mailDev = null;
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} is already listening on port {Port}; using it")]
    private partial void LogUsingRunning(string service, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private partial void LogInstalling(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Azurite (pid {ProcessId}): tables on 127.0.0.1:{TablePort}, data in {Location}")]
    private partial void LogAzuriteStarted(int processId, int tablePort, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started MailDev: SMTP on 127.0.0.1:{SmtpPort}, inbox at {InboxUri}")]
    private partial void LogMailDevStarted(int smtpPort, Uri inboxUri);
}
