namespace RectifyFlows.Testing;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedPlan => Path.Combine(Root, "seeds", "ganxian-2017.plan.json");

    /// <summary>The seed's project aggregates, reconstructed as project rows.</summary>
    public static string SeedProjects => Path.Combine(Root, "seeds", "ganxian-2017.projects.json");

    /// <summary>The format 2 example: a township office's plan answering a provincial effectiveness assessment.</summary>
    public static string TownshipExamplePlan => Path.Combine(Root, "seeds", "examples", "shiyuan-2017-chengxiao.plan.json");

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
