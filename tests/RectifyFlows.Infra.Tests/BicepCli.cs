using System.Diagnostics;

namespace RectifyFlows.Infra.Tests;

/// <summary>Runs the Bicep CLI from the NuGet package (offline: infra/ uses local modules only).</summary>
internal static class BicepCli
{
    /// <summary>What one run printed and how it ended.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Everything => StandardOutput + StandardError;

        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(RepositoryPaths.BicepExecutable)
        {
            WorkingDirectory = RepositoryPaths.Infra,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    // NuGet's extraction does not always keep the executable bit of tools/bicep.
    private static void EnsureExecutable()
    {
        var path = RepositoryPaths.BicepExecutable;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is missing; restore tests/RectifyFlows.Infra.Tests.", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & executable) != executable)
            {
                File.SetUnixFileMode(path, mode | executable);
            }
        }
    }
}
