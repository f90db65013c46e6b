namespace RectifyFlows.Infra.Tests;

/// <summary>
/// The base of the template tests: the test's cancellation and infra/main.bicep as compiled once per run
/// (<see cref="CompiledMain"/>). <c>[OSCondition(OperatingSystems.Linux)]</c> stays on each class: MSTest does not
/// inherit it, and the Bicep CLI the build runs is the linux-x64 package.
/// </summary>
public abstract class TemplateTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Cancelled when the test times out (every test here uses cooperative cancellation).</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>The compiled template; fails the test if the build did not produce one.</summary>
    private protected Task<ArmTemplate> TemplateAsync() => CompiledMain.TemplateAsync(Ct);
}
