using System.Diagnostics;
using System.Net;
using System.Reflection;

namespace RectifyFlows.Testing;

/// <summary>
/// The standalone host as a user runs it: its own process, real Kestrel on a free loopback port, configured through
/// environment variables. <see cref="KillAsync"/> is <c>kill -9</c>: no graceful shutdown.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(80));
            }
        }
    }

    public static string HostDll
    {
        get
        {
            var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryFiles.Root, "src", "RectifyFlows.Host", "bin", configuration, "net10.0", "RectifyFlows.Host.dll");
        }
    }

    /// <summary>Starts the host on the test Azurite with the given table prefix and waits until /healthz answers 200.</summary>
    public static async Task<HostProcess> StartAsync(
        string tablePrefix, IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        // The port is free when chosen but not held until the host binds it: should anything take it in between, the
        // host exits at start, and a new port is tried, up to three times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnPortAsync(TestPorts.Next(), tablePrefix, settings, environment);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<HostProcess> StartOnPortAsync(
        int port, string tablePrefix, IReadOnlyDictionary<string, string>? settings, string environment)
    {
        var start = await StartInfoAsync(tablePrefix, settings, environment);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += host.Capture;
        process.ErrorDataReceived += host.Capture;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await host.DisposeAsync();
                throw new InvalidOperationException($"The host exited with {exitCode}:\n{host.Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The host did not become healthy in 120 s:\n{host.Output}");
    }

    /// <summary>The host's command line and environment: the test Azurite, the table prefix, its own task hub, no dev services.</summary>
    private static async Task<ProcessStartInfo> StartInfoAsync(
        string tablePrefix, IReadOnlyDictionary<string, string>? settings, string environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        // Each host gets its own task hub and a stable worker id, like separate deployments sharing one Azurite.
        start.Environment["RectifyFlows__Durable__TaskHubName"] = "hub" + tablePrefix;
        start.Environment["RectifyFlows__Durable__WorkerId"] = "worker-" + tablePrefix;
        start.Environment["RectifyFlows__Schedules__Enabled"] = "false";
        // No SMTP relay for the test hosts (the outbox is what these tests read); the notifications tests cover delivery.
        start.Environment["RectifyFlows__Notifications__Smtp__Host"] = string.Empty;
        start.Environment["RectifyFlows__Storage__ConnectionString"] = await TestStorage.ConnectionStringAsync();
        start.Environment["RectifyFlows__Storage__TablePrefix"] = tablePrefix;
        start.Environment["RectifyFlows__DevServices__Enabled"] = "false";
        // An idle engine backs off polling its queues to 10 s in Development; a test's next step would wait for that
        // back-off after every quiet spell. One second, as in the Fast profile (a test's settings may say otherwise).
        start.Environment["RectifyFlows__Durable__MaxQueuePollingInterval"] = "00:00:01";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs a verb of the host (<c>doctor</c>, <c>export</c>…) as its own process with the same storage, table prefix and
    /// task hub as <see cref="StartAsync"/>, and returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(
        string tablePrefix, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = await StartInfoAsync(tablePrefix, settings, environment);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>An HTTP client for the host, with an API key when given.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>SIGKILL, like a power cut: nothing is flushed or stopped gracefully.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, like Ctrl+C or a service stop: the host shuts down gracefully and stops its child processes.</summary>
    public async Task TerminateAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills and releases the process; a second call does nothing, so a finally block cannot hide the test's own failure.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private bool _disposed;


    private void Capture(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            lock (_output)
            {
                _output.Add(e.Data);
            }
        }
    }
}
