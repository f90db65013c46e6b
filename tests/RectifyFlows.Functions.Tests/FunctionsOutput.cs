using System.Reflection;

namespace RectifyFlows.Functions.Tests;

/// <summary>Locates the repository and the Functions app's build output for the configuration these tests were built in.</summary>
internal static class FunctionsOutput
{
    private const string SolutionFile = "RectifyFlows.sln";

    public static DirectoryInfo RepositoryRoot { get; } = FindRepositoryRoot();

    public static DirectoryInfo Directory { get; } = new(Path.Combine(
        RepositoryRoot.FullName, "functions", "RectifyFlows.Functions", "bin", Configuration, "net10.0"));

    public static string PathOf(string fileName) => Path.Combine(Directory.FullName, fileName);

    // The test assembly and the Functions app build in the same configuration (the ProjectReference passes it on).
    private static string Configuration =>
        typeof(FunctionsOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The test assembly carries no AssemblyConfigurationAttribute.");

    private static DirectoryInfo FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
