namespace RectifyFlows.Bench;

/// <summary>The repository folder (the one holding RectifyFlows.sln), found from the output or working folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RectifyFlows.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"RectifyFlows.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }

    public static string SeedPlan(string root) => Path.Combine(root, "seeds", "ganxian-2017.plan.json");

    public static string Results(string root) => Path.Combine(root, "bench", "results");
}
