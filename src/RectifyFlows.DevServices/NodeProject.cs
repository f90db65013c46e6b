using System.Diagnostics;

namespace RectifyFlows.DevServices;

/// <summary>The project's Node.js side: the folder holding package.json with the dev services, and its npm install.</summary>
public sealed class NodeProject
{
    public const string PackageName = "rectifyflows-dev-services";

    private NodeProject(string root) => Root = root;

    public string Root { get; }

    public string AzuriteScript => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    public string MailDevScript => Path.Combine(Root, "node_modules", "maildev", "dist", "bin", "maildev.js");

    public bool IsInstalled => File.Exists(AzuriteScript) && File.Exists(MailDevScript);

    /// <summary>Finds the folder: the given one, or the first parent of the start folders with our package.json.</summary>
    public static NodeProject Locate(string? configured, params string[] startFolders)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NodeProject(Path.GetFullPath(configured));
        }

        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var package = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(package) && File.ReadAllText(package).Contains(PackageName, StringComparison.Ordinal))
                {
                    return new NodeProject(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the project's package.json ({PackageName}) above {string.Join(", ", startFolders)}; " +
            "set RectifyFlows:DevServices:WorkingDirectory.");
    }

    /// <summary>Runs <c>npm ci</c> (the lock file pins Azurite and MailDev) unless the packages are there.</summary>
    public async Task EnsureInstalledAsync(Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (IsInstalled)
        {
            return;
        }

        var verb = File.Exists(Path.Combine(Root, "package-lock.json")) ? "ci" : "install";
        log($"Installing the dev services with 'npm {verb}' in {Root} (about a minute, once)...");
        var start = new ProcessStartInfo("npm", $"{verb} --no-audit --no-fund")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !IsInstalled)
        {
            throw new InvalidOperationException($"npm {verb} failed (exit {process.ExitCode}): {await stderr}");
        }
    }
}
