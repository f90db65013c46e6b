namespace RectifyFlows.Infra.Tests;

/// <summary>infra/main.bicep built once per test run with <c>bicep build</c>; every template test reads this output.</summary>
internal static class CompiledMain
{
    private static readonly Lazy<Task<Compilation>> Build = new(BuildAsync);

    /// <summary>The build's result and, when it succeeded, the ARM JSON it wrote.</summary>
    public sealed record Compilation(BicepCli.Result Result, string? Json);

    public static Task<Compilation> GetAsync(CancellationToken cancellationToken) => Build.Value.WaitAsync(cancellationToken);

    /// <summary>The compiled template; fails the calling test if the build did not produce one.</summary>
    public static async Task<ArmTemplate> TemplateAsync(CancellationToken cancellationToken)
    {
        var compilation = await GetAsync(cancellationToken);
        if (compilation.Json is null)
        {
            Assert.Fail($"bicep build infra/main.bicep failed: {compilation.Result}");
        }

        return ArmTemplate.Parse(compilation.Json);
    }

    private static async Task<Compilation> BuildAsync()
    {
        // Shared by every test, so not tied to one test's token; bounded on its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = Path.Combine(Path.GetTempPath(), $"rectifyflows-main-{Guid.NewGuid():N}.json");
        try
        {
            var result = await BicepCli.RunAsync(["build", RepositoryPaths.MainTemplate, "--outfile", output], timeout.Token);
            var json = result.ExitCode == 0 && File.Exists(output) ? await File.ReadAllTextAsync(output, timeout.Token) : null;
            return new Compilation(result, json);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
