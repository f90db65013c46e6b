using System.Reflection;

namespace RectifyFlows.Infra.Tests;

/// <summary>Where the repository, its infra/ folder and the Bicep CLI from NuGet are.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "RectifyFlows.sln";

    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The bicep binary of the Azure.Bicep.CommandLine.linux-x64 package (path baked in at build).</summary>
    public static string BicepExecutable { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value
        ?? throw new InvalidOperationException("The test assembly has no BicepPath metadata (see the csproj).");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
