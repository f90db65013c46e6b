namespace RectifyFlows.Testing;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedPlan => Path.Combine(Root, "seeds", "ganxian-2017.plan.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RectifyFlows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RectifyFlows.sln not found above " + AppContext.BaseDirectory);
    }
}
