using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RectifyFlows.DevServices;

/// <summary>
/// A Node.js service run as a child process. Started directly with <c>node script</c> (an npx wrapper would leave
/// the real server running when killed) and stopped with its whole process tree.
/// </summary>
public sealed class NodeServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NodeServiceProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>node script args</c> and waits until every pattern has matched a line of its output; returns the
    /// first capture group of each (e.g. the port a service reports listening on).
    /// </summary>
    public static async Task<(NodeServiceProcess Process, string[] Captures)> StartAsync(
        string name, string workingDirectory, string script, IEnumerable<string> arguments, IReadOnlyList<Regex> readyPatterns,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readyPatterns);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}; is Node.js installed?");
        var service = new NodeServiceProcess(process, name);
        var captures = new string?[readyPatterns.Count];
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (service._output)
            {
                service._output.Add(e.Data);
                for (var i = 0; i < readyPatterns.Count; i++)
                {
                    if (captures[i] is null && readyPatterns[i].Match(e.Data) is { Success: true } match)
                    {
                        captures[i] = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
                    }
                }

                if (captures.All(c => c is not null))
                {
                    ready.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var exited = process.WaitForExitAsync(timeoutSource.Token);
        try
        {
            var first = await Task.WhenAny(ready.Task, exited);
            if (first != ready.Task)
            {
                await exited;
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready:\n{service.Output}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await service.DisposeAsync();
            throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:0} s:\n{service.Output}");
        }

        return (service, captures.Select(c => c!).ToArray());
    }

    /// <summary>What the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(50));
            }
        }
    }

    /// <summary>
    /// Stops the service: SIGTERM first, so Azurite flushes its database files to disk (a SIGKILL loses the writes of
    /// its last autosave interval), then the whole process tree is killed if it has not exited within 10 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await terminate.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // It ignored SIGTERM; the kill below ends it.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // It did not exit in time after SIGKILL; nothing more we can do.
        }

        _process.Dispose();
    }
}
