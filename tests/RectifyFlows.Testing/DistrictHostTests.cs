using System.Collections.Concurrent;

namespace RectifyFlows.Testing;

/// <summary>
/// The base of a host test class whose tests share one <see cref="DistrictHost"/>: started before the class's first
/// test with the class's <see cref="HostOptions"/>, stopped when the class is done. Classes never share a host: each
/// has its own tables and task hub, so no test sees another class's writes.
/// </summary>
public abstract class DistrictHostTests
{
    private static readonly ConcurrentDictionary<string, DistrictHost> Hosts = new(StringComparer.Ordinal);

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Cancelled when the test times out.</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>The class's host.</summary>
    protected DistrictHost Host { get; private set; } = null!;

    /// <summary>What the class's host is started with; the default is the development environment with the district imported.</summary>
    protected virtual DistrictHostOptions HostOptions => new();

    /// <summary>
    /// Starts the class's host in [ClassInitialize], not in the first test's [TestInitialize]: MSTest counts a test's
    /// [TestInitialize] in its [Timeout], and a host's start and district import would eat a request-sized budget on
    /// a loaded machine. A static method cannot ask the class for its options, so it asks an instance of it.
    /// </summary>
    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StartTheClassHostAsync(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.FullyQualifiedTestClassName!;
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).First(t => t is not null)!;
        var options = ((DistrictHostTests)Activator.CreateInstance(type)!).HostOptions;
        Hosts[name] = await DistrictHost.StartAsync(options.Settings, options.Environment, options.ImportDistrict);
    }

    [TestInitialize]
    public void UseTheClassHost() => Host = Hosts[GetType().FullName!];

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StopTheClassHostAsync(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Hosts.TryRemove(context.FullyQualifiedTestClassName!, out var host))
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>How a <see cref="DistrictHostTests"/> class's host runs: settings over the unit keys, environment, district imported or not.</summary>
public sealed record DistrictHostOptions(
    IReadOnlyDictionary<string, string>? Settings = null, string Environment = "Development", bool ImportDistrict = true);
