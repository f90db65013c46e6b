using System.Diagnostics;
using Azure.Data.Tables;
using RectifyFlows.DevServices;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The process group of an embedded installation — the host, Azurite with disk persistence and MailDev keeping its mail
/// on disk — started on one data folder, killed all at once with SIGKILL like a power cut, and restarted on the same
/// data: what <see cref="CrashTests"/> needs to kill it at fixed points.
/// </summary>
internal sealed class GroupKillRig : IAsyncDisposable
{
    private readonly NodeProject _project;
    private readonly Dictionary<string, string> _extra;
    private AzuriteServer? _azurite;
    private MailDevServer? _mailDev;

    private GroupKillRig(NodeProject project, string data, Dictionary<string, string> extra)
    {
        _project = project;
        Data = data;
        _extra = extra;
    }

    public string Prefix { get; } = LedgerFixture.NewPrefix();
    public string Data { get; }
    public string AzuriteFolder => Path.Combine(Data, "azurite");
    public string MailFolder => Path.Combine(Data, "maildev");
    public int SmtpPort { get; } = TestPorts.Next();
    public int MailWebPort { get; } = TestPorts.Next();
    public HostProcess Host { get; private set; } = null!;
    public string ConnectionString => _azurite!.ConnectionString;
    public TaskHub Hub => new(ConnectionString, "hub" + Prefix);

    /// <summary>The host's settings: the test keys, no seed, the rig's Azurite and MailDev, no periodic doctor (the test runs it).</summary>
    public Dictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>(TestKeys.UnitKeySettings())
            {
                ["RectifyFlows__Seed__Enabled"] = "false",
                ["RectifyFlows__Storage__ConnectionString"] = ConnectionString,
                ["RectifyFlows__Operations__DoctorInterval"] = "00:00:00",
                ["RectifyFlows__Notifications__Smtp__Host"] = "127.0.0.1",
                ["RectifyFlows__Notifications__Smtp__Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["RectifyFlows__Notifications__Smtp__UseStartTls"] = "false",
                ["RectifyFlows__Notifications__Smtp__From"] = "rectifyflows@crash.test",
                ["RectifyFlows__Notifications__PollInterval"] = "00:00:01",
                ["RectifyFlows__Notifications__DigestDelay"] = "00:00:00",
                // The at-least-once window (a claim held by a killed dispatcher) short enough to end inside the test.
                ["RectifyFlows__Notifications__LeaseDuration"] = "00:00:08",
            };
            foreach (var (key, value) in _extra)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public static async Task<GroupKillRig> StartAsync(Dictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var project = NodeProject.Locate(null, RepositoryFiles.Root);
        await project.EnsureInstalledAsync(_ => { }, cancellationToken);
        var rig = new GroupKillRig(project, Path.Combine(Path.GetTempPath(), "rectifyflows-groupkill-" + Guid.NewGuid().ToString("N")[..8]), extra);
        await rig.StartServicesAsync(cancellationToken);
        rig.Host = await HostProcess.StartAsync(rig.Prefix, rig.Settings, environment: "Fast");
        return rig;
    }

    /// <summary>Changes a setting for the next start (e.g. the mail rate, slow before the kill and normal after).</summary>
    public void Set(string key, string value) => _extra[key] = value;

    /// <summary>
    /// SIGKILL to Azurite, the host and MailDev, one right after the other: nothing is flushed, nothing stops
    /// gracefully. Azurite goes first so that nothing the host writes after the kill point reaches it.
    /// </summary>
    public async Task KillAsync()
    {
        using var azurite = Process.GetProcessById(_azurite!.ProcessId);
        using var mailDev = Process.GetProcessById(_mailDev!.ProcessId);
        azurite.Kill(entireProcessTree: true);
        var host = Host.KillAsync();
        mailDev.Kill(entireProcessTree: true);
        await host;
        await azurite.WaitForExitAsync();
        await mailDev.WaitForExitAsync();
        await Host.DisposeAsync();
        await _azurite.DisposeAsync();
        await _mailDev.DisposeAsync();
    }

    /// <summary>Azurite and MailDev on the same folders, then the <c>doctor</c> verb (returns its output), then the host.</summary>
    public async Task<string> RestartAsync(CancellationToken cancellationToken)
    {
        await StartServicesAsync(cancellationToken);
        var (code, output) = await HostProcess.RunVerbAsync(Prefix, ["doctor"], Settings, environment: "Fast");
        Assert.AreEqual(0, code, "the doctor rebuilt everything it found broken:\n" + output);
        Host = await HostProcess.StartAsync(Prefix, Settings, environment: "Fast");
        return output;
    }

    public Task<(int ExitCode, string Output)> DoctorCheckAsync() =>
        HostProcess.RunVerbAsync(Prefix, ["doctor", "--check"], Settings, environment: "Fast");

    /// <summary>
    /// Waits until Azurite has saved its table store after <paramref name="after"/>: what was acknowledged before then
    /// is on disk. LokiJS writes the store to a temporary file and renames it, so a newer file is a complete save; it
    /// serializes the store before writing, so the file must be newer by more than one write takes (1 s) to hold what
    /// was acknowledged while a save was being written.
    /// </summary>
    public Task WaitForTableSaveAsync(DateTime after, CancellationToken cancellationToken) =>
        WaitForSaveAsync("__azurite_db_table__.json", "table", after, cancellationToken);

    /// <summary>The same for the queue store (the durable engine's work items and timers), which Azurite saves on its own.</summary>
    public Task WaitForQueueSaveAsync(DateTime after, CancellationToken cancellationToken) =>
        WaitForSaveAsync("__azurite_db_queue__.json", "queue", after, cancellationToken);

    /// <summary>Waits until MailDev holds a complete copy of each of <paramref name="messageIds"/> on disk.</summary>
    public async Task WaitForMailAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!messageIds.All(MailCopiesByMessageId().ContainsKey))
        {
            // MailDev writes each copy after accepting it; on a loaded machine that can lag well behind the SMTP reply.
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"MailDev did not hold all of {string.Join(", ", messageIds)} within 120 s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task WaitForSaveAsync(string fileName, string store, DateTime after, CancellationToken cancellationToken)
    {
        var file = Path.Combine(AzuriteFolder, fileName);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(file) || File.GetLastWriteTimeUtc(file) <= after.AddSeconds(1))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Azurite did not save its {store} store after {after:O} within 60 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// The mails MailDev holds on disk, complete ones only (a file cut by the kill ends before its closing MIME
    /// boundary, and MailDev never answered 250 for it), counted by Message-ID — the message key of the outbox.
    /// </summary>
    public IReadOnlyDictionary<string, int> MailCopiesByMessageId()
    {
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [])
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            // Long header values are folded onto the next line (RFC 5322): unfold before reading.
            var headers = (end < 0 ? text : text[..end]).Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);
            var header = headers.Split('\n').FirstOrDefault(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase));
            if (header is null || !text.TrimEnd().EndsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var id = header["Message-ID:".Length..].Trim();
            copies[id] = copies.GetValueOrDefault(id) + 1;
        }

        return copies;
    }

    /// <summary>The doctor's audit rows (<c>repair|…</c> partitions of the operations log).</summary>
    public async Task<int> RepairAuditRowsAsync()
    {
        var table = new TableClient(ConnectionString, Prefix + "OperationsLog");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(
            e => e.PartitionKey.CompareTo("repair|") > 0 && e.PartitionKey.CompareTo("repair}") < 0, select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_mailDev is not null)
        {
            await _mailDev.DisposeAsync();
        }

        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the system.
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        _azurite = await AzuriteServer.StartAsync(_project, 0, 0, 0, AzuriteFolder, cancellationToken);
        _mailDev = await MailDevServer.StartAsync(_project, SmtpPort, MailWebPort, cancellationToken, MailFolder);
    }

}
